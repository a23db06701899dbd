'use strict';
// A small client of the Ascent gRPC API built from the .proto contracts alone (no Java, no generated code):
// @grpc/proto-loader reads ../../proto/src/main/proto at run time and @grpc/grpc-js makes the calls.
const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_ROOT = process.env.ASCENT_PROTO_ROOT || path.join(__dirname, '..', '..', 'proto', 'src', 'main', 'proto');
const FILES = [
  'ascent/content/v1/content_service.proto',
  'ascent/tracker/v1/account_service.proto',
  'ascent/tracker/v1/plan_service.proto',
  'ascent/tracker/v1/progress_service.proto',
];
const DEADLINE_MS = 10000;

function load() {
  const definition = protoLoader.loadSync(FILES, {
    includeDirs: [PROTO_ROOT], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true,
  });
  return grpc.loadPackageDefinition(definition).ascent;
}

/** Promise-returning unary calls with a deadline and the bearer token. */
function promisify(client, token) {
  const call = (method, request) => new Promise((resolve, reject) => {
    const metadata = new grpc.Metadata();
    if (token) metadata.set('authorization', `Bearer ${token}`);
    client[method](request, metadata, { deadline: Date.now() + DEADLINE_MS }, (err, response) => {
      if (err) {
        err.message = `${grpc.status[err.code] || err.code}: ${err.details || err.message}`;
        reject(err);
      } else {
        resolve(response);
      }
    });
  });
  return call;
}

/**
 * Connects to both services; targets, token and CA file default to the same environment variables the CLI reads.
 * With `caFile` (a PEM file of trusted certificates) the channels use TLS, else plain text. The token goes only to
 * the tracker: the catalog's reads need none.
 */
function connect({
  contentTarget = process.env.ASCENT_CONTENT_TARGET || 'localhost:50051',
  trackerTarget = process.env.ASCENT_TRACKER_TARGET || 'localhost:50052',
  token = process.env.ASCENT_TOKEN,
  caFile = process.env.ASCENT_TLS_CA_FILE,
} = {}) {
  const ascent = load();
  const credentials = caFile ? grpc.credentials.createSsl(fs.readFileSync(caFile))
    : grpc.credentials.createInsecure();
  const clients = {
    content: new ascent.content.v1.ContentService(contentTarget, credentials),
    accounts: new ascent.tracker.v1.AccountService(trackerTarget, credentials),
    plans: new ascent.tracker.v1.PlanService(trackerTarget, credentials),
    progress: new ascent.tracker.v1.ProgressService(trackerTarget, credentials),
  };
  const content = promisify(clients.content, null);
  const accounts = promisify(clients.accounts, token);
  const plans = promisify(clients.plans, token);
  const progress = promisify(clients.progress, token);
  return {
    async listRoles() {
      const roles = [];
      let page_token = '';
      do {
        const page = await content('ListRoles', { page_size: 100, page_token });
        roles.push(...page.roles);
        page_token = page.next_page_token;
      } while (page_token);
      return roles;
    },
    async currentUser() {
      return (await accounts('GetCurrentUser', {})).user;
    },
    async listPlans() {
      return (await plans('ListPlans', { page_size: 100 })).plans;
    },
    async createPlan(request) {
      return (await plans('CreatePlan', request)).plan;
    },
    async progressSummary(plan) {
      return (await progress('GetProgressSummary', { plan })).progress_summary;
    },
    close() {
      Object.values(clients).forEach((c) => c.close());
    },
  };
}

function formatRoles(roles) {
  const width = Math.max(4, ...roles.map((r) => r.name.length - 'roles/'.length));
  return [`${'SLUG'.padEnd(width)}  TITLE`, ...roles.map((r) => `${r.name.slice(6).padEnd(width)}  ${r.title}`)]
    .join('\n');
}

function formatSummary(s) {
  const pct = Number(s.percent_complete);
  const full = Math.round((Math.max(0, Math.min(100, pct)) / 100) * 30);
  const pace = { PACE_AHEAD: 'ahead of schedule', PACE_ON_TRACK: 'on track', PACE_BEHIND: 'behind schedule' }[s.pace] || '-';
  const lines = [
    `plan ${s.plan}, as of ${s.today}`,
    `[${'#'.repeat(full)}${'-'.repeat(30 - full)}] ${pct.toFixed(1)}% done; expected by today ${Number(s.expected_percent_today).toFixed(1)}%`,
    `pace:    ${pace}`,
    `items:   ${s.done_count} done, ${s.in_progress_count} in progress, ${s.todo_count} to do, ${s.skipped_count} skipped; ${s.total_count} in all`,
    `time:    ${s.logged_minutes_total} min logged, ${s.minutes_this_week} this week`,
    `streak:  ${s.current_streak_days} days (longest ${s.longest_streak_days})`,
  ];
  if (s.next_due_items.length) {
    lines.push('due next:', ...s.next_due_items.map((i) => `  ${i.due_date}  ${i.title}`));
  }
  return lines.join('\n');
}

module.exports = { connect, formatRoles, formatSummary, PROTO_ROOT };
