'use strict';
// Runs the Node client against running services: ASCENT_CONTENT_TARGET, ASCENT_TRACKER_TARGET and ASCENT_TOKEN
// (a user who may create plans). Maven's NodeClientTest starts the packaged services and sets them.
const { test } = require('node:test');
const assert = require('node:assert');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { connect, formatSummary } = require('../ascent');

const ready = process.env.ASCENT_CONTENT_TARGET && process.env.ASCENT_TRACKER_TARGET && process.env.ASCENT_TOKEN;
const skip = ready ? false : 'set ASCENT_CONTENT_TARGET, ASCENT_TRACKER_TARGET and ASCENT_TOKEN to run against services';

test('lists the roles of the catalog', { skip }, async () => {
  const ascent = connect();
  try {
    const roles = await ascent.listRoles();
    assert.ok(roles.length > 0);
    assert.ok(roles.some((r) => r.name === 'roles/senior-machine-learning-engineer'), JSON.stringify(roles));
  } finally {
    ascent.close();
  }
});

test('prints the progress summary of the user\'s plan', { skip }, async () => {
  const ascent = connect();
  try {
    const user = await ascent.currentUser();
    let plans = await ascent.listPlans();
    if (!plans.length) {
      await ascent.createPlan({ target_role: 'roles/senior-machine-learning-engineer', hours_per_week: 5 });
      plans = await ascent.listPlans();
    }
    assert.ok(plans[0].name.startsWith(`users/${user.handle}/plans/`));
    const summary = await ascent.progressSummary(plans[0].name);
    assert.ok(summary.total_count > 0);
    assert.match(formatSummary(summary), /pace: {4}(on track|ahead of schedule|behind schedule)/);

    const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'cli.js'), 'progress'], { encoding: 'utf8' });
    assert.match(out, new RegExp(`plan ${plans[0].name}`));
    assert.match(out, /\[[#-]{30}\]/);
  } finally {
    ascent.close();
  }
});

test('a call without a token is refused with UNAUTHENTICATED', { skip }, async () => {
  const ascent = connect({ token: '' });
  try {
    await assert.rejects(ascent.listPlans(), /UNAUTHENTICATED/);
  } finally {
    ascent.close();
  }
});
