// Drives the PCE server with the official MCP TypeScript SDK's client over stdio, as a TypeScript host would,
// and checks what the SDK sees: the tools with their annotations, the notes as a paged resource list, a tool call
// (structured content, and the same JSON as text), and a call cancelled through an
// AbortSignal, which the SDK turns into notifications/cancelled. Run by TypeScriptSdkIT; prints one JSON line
// with what it found, and exits 1 with the reason when a check fails.
//
// Environment: MCP_SDK_HOME (the installed @modelcontextprotocol/sdk package), PCE_SERVER_COMMAND (the server's
// command line as a JSON array), PCE_SERVER_ENV (its extra environment as a JSON object), PCE_NOTES (how many
// notes the vaults hold).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bigPlan } from '../node/big-plan.mjs';

const sdk = (file) => import(pathToFileURL(join(process.env.MCP_SDK_HOME, 'dist/esm', file)).href);
const { Client } = await sdk('client/index.js');
const { StdioClientTransport } = await sdk('client/stdio.js');
const { LoggingMessageNotificationSchema } = await sdk('types.js');

const HINTS = ['title', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'];
const LIMIT_MS = 60_000;

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const [command, ...args] = JSON.parse(process.env.PCE_SERVER_COMMAND);
const transport = new StdioClientTransport({ command, args, env: JSON.parse(process.env.PCE_SERVER_ENV),
  stderr: 'ignore' });
const client = new Client({ name: 'pce-typescript-sdk-check', version: '1.0.0' });
const errors = [];
client.onerror = (error) => errors.push(String(error));
const logs = [];
client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
  logs.push(String(notification.params.data));
});

async function logged(text) {
  const deadline = Date.now() + LIMIT_MS;
  while (!logs.some((line) => line.includes(text))) {
    check(Date.now() < deadline, `no log notification with '${text}' within ${LIMIT_MS} ms; got ${JSON.stringify(logs)}`);
    await sleep(10);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The size of every page of resources/list, following nextCursor to the end. */
async function resourcePages() {
  const pages = [];
  let cursor;
  do {
    const page = await client.listResources(cursor ? { cursor } : {});
    pages.push(page.resources.length);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

const found = {};
try {
  await client.connect(transport);
  found.server = client.getServerVersion().name;

  const { tools } = await client.listTools();
  for (const tool of tools) {
    for (const hint of HINTS) {
      check(tool.annotations && hint in tool.annotations, `${tool.name} lists no annotations.${hint}`);
    }
  }
  found.tools = tools.length;
  found.readOnly = tools.filter((tool) => tool.annotations.readOnlyHint).map((tool) => tool.name).sort();

  // the vaults are indexed in the background: list every page until all the notes are there
  let pages = await resourcePages();
  const deadline = Date.now() + LIMIT_MS;
  while (pages.reduce((a, b) => a + b, 0) < Number(process.env.PCE_NOTES) && Date.now() < deadline) {
    await sleep(200);
    pages = await resourcePages();
  }
  found.resourcePages = pages;

  const small = await client.callTool({ name: 'ce_plan', arguments: { goal: 'Add a health endpoint',
    tasks: [{ id: 'design', title: 'Design it', kind: 'design' },
      { id: 'build', title: 'Build it', kind: 'implement', depends_on: ['design'] }] } });
  check(!small.isError, `ce_plan failed: ${JSON.stringify(small.content)}`);
  found.planned = small.structuredContent.workflow_id;
  check(JSON.stringify(JSON.parse(small.content[0].text)) === JSON.stringify(small.structuredContent),
    'ce_plan: the text is not the structured content as JSON');
  // the plan changes: the SDK validates the answer against ce_edit's output schema
  const edited = await client.callTool({ name: 'ce_edit', arguments: { workflow_id: found.planned,
    request_id: 'split-build', agent: 'lead', edits: [{ op: 'split', task_id: 'build',
      into: [{ id: 'build-model', title: 'Model' }, { id: 'build-api', title: 'API', depends_on: ['build-model'] }] }] } });
  check(!edited.isError, `ce_edit failed: ${JSON.stringify(edited.content)}`);
  found.edited = edited.structuredContent.added;

  // a note read, then moved on its version: the SDK validates both answers against their output schemas
  const read = await client.callTool({ name: 'ce_note', arguments: { note: 'n-000' } });
  check(!read.isError, `ce_note failed: ${JSON.stringify(read.content)}`);
  const moved = await client.callTool({ name: 'ce_note_edit', arguments: { action: 'move', note: 'n-000',
    version: read.structuredContent.version, to: 'archive/n-000.md' } });
  check(!moved.isError, `ce_note_edit failed: ${JSON.stringify(moved.content)}`);
  found.moved = moved.structuredContent.note.path;

  await client.setLoggingLevel('debug');
  const aborting = new AbortController();
  const big = client.callTool({ name: 'ce_plan', arguments: bigPlan(5_000) }, undefined,
    { signal: aborting.signal, timeout: 5 * LIMIT_MS });
  const outcome = big.then(() => 'answered', (error) => `rejected: ${error.message}`);
  await logged('ce_plan started');
  await sleep(100);
  aborting.abort('the user gave up');
  found.cancelledCall = await outcome;
  await logged('ce_plan stopped after');
  await logged('Dropped the answer to request');
  await client.setLoggingLevel('warning');

  const status = await client.callTool({ name: 'ce_status', arguments: {} });
  found.workflows = status.structuredContent.workflows.map((workflow) => workflow.workflow_id);
  found.errors = errors;
  await client.close();
  console.log(JSON.stringify(found));
} catch (error) {
  console.log(JSON.stringify({ ...found, failure: String(error && error.stack || error), errors }));
  await client.close().catch(() => {});
  process.exit(1);
}
