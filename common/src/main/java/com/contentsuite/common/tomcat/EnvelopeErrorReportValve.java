package com.contentsuite.common.tomcat;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.HttpStatusErrors;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The Host's error report: what Tomcat refuses before any filter runs (a malformed
 * request line, a badly encoded URI, too many or too large headers) answers the envelope
 * with {@code nosniff} and an operationID instead of Tomcat's HTML page. Tomcat's status
 * stays. An error the application answered already has a body and is left alone.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		// A request line that failed to parse has no headers: the ID is minted then.
		String operationId = request.getHeader(OperationId.HEADER);
		String body = ApiResponse.errorJson(HttpStatusErrors.codeFor(status), HttpStatusErrors.detailFor(status));
		try {
			response.setContentType("application/json");
			// The details are ASCII, so characters and bytes count alike.
			response.setContentLength(body.length());
			response.setHeader(OperationId.HEADER, OperationId.isValid(operationId) ? operationId : OperationId.mint());
			response.setHeader("X-Content-Type-Options", "nosniff");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was taken over: nobody left to tell.
		}
	}

}
