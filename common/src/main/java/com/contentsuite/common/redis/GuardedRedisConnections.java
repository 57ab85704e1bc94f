package com.contentsuite.common.redis;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.AbstractRedisClient;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Puts {@link RedisBreaker} around every Lettuce connection factory: its client reports
 * each command's outcome to the breaker, and the factory checks the breaker before it
 * hands out a connection, blocking or reactive. The proxy keeps every interface of the
 * factory (lifecycle included), so the container and Spring Data see the same bean.
 */
public class GuardedRedisConnections implements BeanPostProcessor {

	private static final Set<String> GUARDED = Set.of("getConnection", "getReactiveConnection", "getClusterConnection",
			"getReactiveClusterConnection", "getSentinelConnection");

	private final ObjectProvider<RedisBreaker> breaker;

	public GuardedRedisConnections(ObjectProvider<RedisBreaker> breaker) {
		this.breaker = breaker;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof LettuceConnectionFactory factory)) {
			return bean;
		}
		RedisBreaker redisBreaker = this.breaker.getObject();
		AtomicBoolean listening = new AtomicBoolean();
		AbstractRedisClient client = factory.getNativeClient();
		if (client != null) {
			client.addListener(redisBreaker);
			// Lettuce takes the listeners when it connects: a connection the factory made
			// while starting is replaced by one that reports. Done here, at startup,
			// never
			// on a request's (possibly event-loop) thread.
			factory.resetConnection();
			listening.set(true);
		}
		ProxyFactory proxy = new ProxyFactory(factory);
		proxy.addAdvice((MethodInterceptor) (invocation) -> {
			if (GUARDED.contains(invocation.getMethod().getName())) {
				if (!listening.get()) {
					listen(factory, redisBreaker, listening);
				}
				redisBreaker.guard();
				try {
					return invocation.proceed();
				}
				catch (RedisConnectionFailureException ex) {
					// The shared connection is made here: no command saw this failure.
					redisBreaker.connectionFailed(ex);
					throw ex;
				}
			}
			return invocation.proceed();
		});
		return proxy.getProxy(factory.getClass().getClassLoader());
	}

	// A factory that starts late has made no connection yet: adding the listener is
	// enough.
	private static synchronized void listen(LettuceConnectionFactory factory, RedisBreaker breaker,
			AtomicBoolean listening) {
		AbstractRedisClient client = factory.getNativeClient();
		if (client != null && !listening.get()) {
			client.addListener(breaker);
			listening.set(true);
		}
	}

}
