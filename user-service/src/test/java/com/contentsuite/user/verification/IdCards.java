package com.contentsuite.user.verification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid test ID numbers, each one different. */
public final class IdCards {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private IdCards() {
	}

	/** The 17 given digits and their check character. */
	public static String withCheckChar(String first17) {
		return first17 + IdCardNumber.checkChar(first17);
	}

	/** A valid number no other call of this method returns. */
	public static String unique() {
		int n = NEXT.incrementAndGet();
		String birth = LocalDate.of(1970, 1, 1).plusDays(n % 10_000).format(DateTimeFormatter.BASIC_ISO_DATE);
		return withCheckChar("110101" + birth + "%03d".formatted((n / 10_000) % 1000 + 100));
	}

}
