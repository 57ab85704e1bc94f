package com.contentsuite.common.tomcat;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link EnvelopeErrorReportValve} on the Host in place of Tomcat's
 * ErrorReportValve. Ordered last: Boot's own customizer adds a plain ErrorReportValve
 * from a context customizer, and this one must run after it to take its place.
 */
public class EnvelopeErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				install(host);
			}
		});
	}

	static void install(StandardHost host) {
		Pipeline pipeline = host.getPipeline();
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ErrorReportValve) {
				pipeline.removeValve(valve);
			}
		}
		pipeline.addValve(new EnvelopeErrorReportValve());
		// Otherwise the Host adds its default report valve again when it starts.
		host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
