#!/usr/bin/env node
'use strict';
// node cli.js roles             the catalog's roles
// node cli.js progress [plan]   the progress summary of a plan (default: your newest plan); needs ASCENT_TOKEN
const { connect, formatRoles, formatSummary } = require('./ascent');

async function main([command, arg]) {
  const ascent = connect();
  try {
    if (command === 'roles') {
      console.log(formatRoles(await ascent.listRoles()));
    } else if (command === 'progress') {
      let plan = arg;
      if (!plan) {
        const plans = await ascent.listPlans();
        if (!plans.length) throw new Error('you have no plan yet');
        plan = plans[0].name;
      }
      console.log(formatSummary(await ascent.progressSummary(plan)));
    } else {
      console.error('usage: node cli.js roles | progress [plan]');
      return 2;
    }
    return 0;
  } finally {
    ascent.close();
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
  console.error(`ascent-node: ${err.message}`);
  process.exitCode = 1;
});
