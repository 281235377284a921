// Drives `ce serve --http` with the official MCP TypeScript SDK's Streamable HTTP client. Node's fetch keeps its
// connections alive and reuses them, so requests with a lower-case scheme or a wrong token share connections with
// the SDK's requests that follow. Prints one JSON object with what happened; TypeScriptHttpClientIT asserts on it.
//
//   node streamable-http-client.mjs URL TOKEN
import diagnostics from 'node:diagnostics_channel';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, token] = process.argv.slice(2);
const endpoint = new URL(url);

// Every HTTP request with the connection it travelled on and its status, as Node's fetch (undici) reports them.
const connectionIds = new WeakMap();
const exchanges = new Map();
let connections = 0;
diagnostics.subscribe('undici:client:connected', ({ socket }) => connectionIds.set(socket, ++connections));
diagnostics.subscribe('undici:client:sendHeaders', ({ request, socket }) =>
    exchanges.set(request, { method: request.method, connection: connectionIds.get(socket), status: null }));
diagnostics.subscribe('undici:request:headers', ({ request, response }) => {
    const exchange = exchanges.get(request);
    if (exchange) exchange.status = response.statusCode;
});

const initialize = JSON.stringify({
    jsonrpc: '2.0', id: 1, method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-fetch', version: '1' } }
});

/** A POST of `body` with the given headers through plain fetch: its status and its body read as JSON if it is. */
async function post(headers, body) {
    const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
        body
    });
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* an event stream, or not JSON */ }
    return { status: response.status, contentType: response.headers.get('content-type'), json };
}

/** A client of the SDK, with the Authorization header given as requestInit headers, as a user configures it. */
function client(authorization, options = {}) {
    const transport = new StreamableHTTPClientTransport(endpoint, {
        requestInit: { headers: { Authorization: authorization } }, ...options
    });
    return { client: new Client({ name: 'pce-it', version: '1' }), transport };
}

/** What an operation gave: ok with a value, or its error's message and HTTP status (the SDK's error code). */
async function outcome(operation) {
    try {
        return { ok: true, value: await operation() };
    } catch (error) {
        return { ok: false, status: error.code ?? null, error: String(error.message) };
    }
}

const toolNames = async c => (await c.listTools()).tools.length;
const status = async c => {
    const result = await c.callTool({ name: 'ce_status', arguments: {} });
    return result.isError ? `error: ${JSON.stringify(result.content)}` : 'ok';
};

const results = {};
// 1. requests a client should not send first, on connections the SDK's client then reuses
results.lowerCaseScheme = await post({ authorization: `bearer ${token}` }, initialize);
results.wrongToken = await post({ authorization: 'Bearer not-the-token' }, initialize);

// 2. one client, sequential calls
const main = client(`Bearer ${token}`);
results.connect = await outcome(() => main.client.connect(main.transport));
results.protocolVersion = main.transport.protocolVersion ?? null;
results.sequential = [];
results.sequential.push(await outcome(() => toolNames(main.client)));
results.sequential.push(await outcome(async () => {
    const plan = await main.client.callTool({ name: 'ce_plan', arguments: {
        goal: 'over http', tasks: [{ id: 'a', title: 'A', kind: 'build' }] } });
    return plan.isError ? `error: ${JSON.stringify(plan.content)}` : plan.structuredContent.workflow_id;
}));
for (let i = 0; i < 8; i++) {
    results.sequential.push(await outcome(() => status(main.client)));
}

// 3. concurrent calls on that client, and clients connecting at once (one with a lower-case scheme)
results.concurrentCalls = await Promise.all(Array.from({ length: 8 }, () => outcome(() => status(main.client))));
results.concurrentClients = await Promise.all([`Bearer ${token}`, `bearer ${token}`, `Bearer ${token}`]
    .map(authorization => outcome(async () => {
        const other = client(authorization);
        await other.client.connect(other.transport);
        const count = await toolNames(other.client);
        await other.client.close();
        return count;
    })));

// 4. refusals as the SDK's client meets them
const wrong = client('Bearer not-the-token');
results.wrongTokenClient = await outcome(() => wrong.client.connect(wrong.transport));
const oldVersion = client(`Bearer ${token}`, { sessionId: main.transport.sessionId });
results.unsupportedVersion = await outcome(async () => {
    await oldVersion.client.connect(oldVersion.transport); // a known session: no initialize
    oldVersion.transport.setProtocolVersion('1999-01-01');
    return toolNames(oldVersion.client);
});
const sessionId = main.transport.sessionId;
results.terminate = await outcome(() => main.transport.terminateSession());
await main.client.close();
const ended = client(`Bearer ${token}`, { sessionId });
results.endedSession = await outcome(async () => {
    await ended.client.connect(ended.transport);
    return toolNames(ended.client);
});

results.connections = connections;
results.exchanges = [...exchanges.values()];
console.log(JSON.stringify(results));
process.exit(0);
