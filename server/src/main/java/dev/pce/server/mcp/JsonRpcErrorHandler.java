package dev.pce.server.mcp;

import io.modelcontextprotocol.spec.HttpHeaders;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Answers every error Jetty or a servlet raises (a {@code sendError} of the SDK's servlet, an address that is not
 * the endpoint, an HTTP message Jetty cannot read, a request that failed) with the JSON-RPC error body of an
 * {@link HttpRefusal}, whatever the method and the {@code Accept} header: never Jetty's HTML page, never an
 * exception or its stack trace.
 */
final class JsonRpcErrorHandler extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            reason = reason == null ? http.getReason() : reason;
            response.setStatus(status);
        }
        generateCacheControl(response);
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        HttpRefusal refusal = refusal(request, status, reason == null ? HttpStatus.getMessage(status) : reason);
        refusal.headers().forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(refusal.body()), callback);
        return true;
    }

    private static HttpRefusal refusal(Request request, int status, String reason) {
        HttpURI uri = request.getHttpURI();
        String path = uri == null || uri.getPath() == null ? "" : uri.getPath();
        String session = request.getHeaders().get(HttpHeaders.MCP_SESSION_ID);
        if (status == HttpStatus.NOT_FOUND_404 && path.equals(HttpEndpoint.PATH) && session != null) {
            return HttpRefusal.unknownSession(session); // the SDK's servlet, for GET and DELETE
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED_405) {
            return HttpRefusal.methodNotAllowed(request.getMethod());
        }
        return HttpRefusal.status(status, path, reason);
    }
}
