// Drives `ce serve --http` with the official MCP TypeScript SDK's Streamable HTTP client through the parts of MCP
// PCE keeps itself: the errors of malformed calls and log levels, log notifications at the level set (also after
// an error answered on an event stream, which the client asks to resume), and a long call cancelled through an
// AbortSignal (which the SDK turns into notifications/cancelled). Prints one JSON object with what happened;
// TypeScriptHttpClientIT asserts on it.
//
//   node streamable-http-protocol.mjs URL TOKEN
import diagnostics from 'node:diagnostics_channel';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema, LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { bigPlan } from './big-plan.mjs';

const [url, token] = process.argv.slice(2);
const LIMIT_MS = 60_000;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

// when the client opens (or reopens) its GET stream, as Node's fetch (undici) reports it
const streamsOpened = [];
diagnostics.subscribe('undici:client:sendHeaders', ({ request }) => {
    if (request.method === 'GET') streamsOpened.push(Date.now());
});

const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } }
});
const client = new Client({ name: 'pce-it-protocol', version: '1' });
const errors = [];
client.onerror = error => errors.push(String(error));
const logs = [];
client.setNotificationHandler(LoggingMessageNotificationSchema, notification =>
    logs.push({ level: notification.params.level, data: String(notification.params.data) }));

/** An operation's outcome: its value, or the JSON-RPC error it was refused with. */
async function outcome(operation) {
    try {
        return { ok: true, value: await operation() };
    } catch (error) {
        return { ok: false, code: error.code ?? null, message: String(error.message) };
    }
}

async function logged(text) {
    const deadline = Date.now() + LIMIT_MS;
    while (!logs.some(log => log.data.includes(text))) {
        if (Date.now() > deadline) throw new Error(`no log with '${text}' in ${LIMIT_MS} ms: ${JSON.stringify(logs)}`);
        await sleep(10);
    }
}

/** A ce_status call of a workflow that does not exist: refused, which the server logs at info, naming the id. */
const refusedStatus = workflowId => client.callTool({ name: 'ce_status', arguments: { workflow_id: workflowId } });

const found = {};
try {
    await client.connect(transport);
    // every message the transport receives, and the ids of the tool calls it sends
    const received = [];
    const deliver = transport.onmessage;
    transport.onmessage = (message, extra) => {
        received.push(message);
        deliver(message, extra);
    };
    const sent = [];
    const send = transport.send.bind(transport);
    transport.send = (message, options) => {
        sent.push(message);
        return send(message, options);
    };

    // 1. errors of malformed calls and levels, as the SDK's client reports them
    found.unknownTool = await outcome(() => client.callTool({ name: 'ce_foo', arguments: {} }));
    found.argumentsNoObject = await outcome(() => client.request(
        { method: 'tools/call', params: { name: 'ce_status', arguments: [1] } }, CallToolResultSchema));
    found.unknownLevel = await outcome(() => client.setLoggingLevel('verbose'));

    // 2. log notifications, on the GET stream the client opened after initializing: wait until it carries one
    await client.setLoggingLevel('info');
    for (let probe = 0; !logs.some(log => log.data.includes('wf-ts-listening')); probe++) {
        if (probe * 50 > LIMIT_MS) throw new Error('the GET stream carries no log notification');
        await refusedStatus(`wf-ts-listening-${probe}`);
        await sleep(50);
    }
    await refusedStatus('wf-ts-at-info');
    await logged('wf-ts-at-info');
    found.infoLevel = logs.find(log => log.data.includes('wf-ts-at-info')).level;
    await client.setLoggingLevel('error');
    await refusedStatus('wf-ts-above');
    await client.setLoggingLevel('info');
    await refusedStatus('wf-ts-marker');
    await logged('wf-ts-marker');
    found.belowLevelSent = logs.some(log => log.data.includes('wf-ts-above'));

    // an error the SDK's servlet answers on the request's event stream (an unknown prompt): the client then asks to
    // resume that stream, once; the session's GET stream stays, and keeps carrying the log
    let streamsBefore = streamsOpened.length;
    found.unknownPrompt = await outcome(() => client.getPrompt({ name: 'ce-nope' }));
    await sleep(3_500); // the client asks to resume 1 s after a stream ends without an answer, and so on
    found.streamsAfterStreamedError = streamsOpened.length - streamsBefore;
    await refusedStatus('wf-ts-after-streamed-error');
    await logged('wf-ts-after-streamed-error');

    // 3. a long ce_plan cancelled while it runs
    const before = (await client.callTool({ name: 'ce_status', arguments: {} })).structuredContent.workflows.length;
    await client.setLoggingLevel('debug');
    const aborting = new AbortController();
    const plan = client.callTool({ name: 'ce_plan', arguments: bigPlan(5_000) }, undefined,
        { signal: aborting.signal, timeout: 5 * LIMIT_MS });
    const cancelled = plan.then(() => 'answered', error => `rejected: ${error.message}`);
    await logged('ce_plan started');
    await sleep(100);
    aborting.abort('the user gave up');
    found.cancelledCall = await cancelled;
    await logged('ce_plan stopped after');
    found.stopped = logs.find(log => log.data.includes('ce_plan stopped after')).data;
    streamsBefore = streamsOpened.length;
    await sleep(2_500); // as above: a stream that ends after an event but without an answer is asked again
    found.streamsReopened = streamsOpened.length - streamsBefore;
    const call = sent.find(message => message.method === 'tools/call' && message.params.name === 'ce_plan');
    found.answersToCancelled = received.filter(message => message.id === call.id).length;
    await client.setLoggingLevel('warning');
    found.workflowsAdded = (await client.callTool({ name: 'ce_status', arguments: {} }))
        .structuredContent.workflows.length - before;
    found.errors = errors;
    await client.close();
    console.log(JSON.stringify(found));
    process.exit(0);
} catch (error) {
    console.log(JSON.stringify({ ...found, failure: String(error && error.stack || error), errors }));
    await client.close().catch(() => {});
    process.exit(1);
}
