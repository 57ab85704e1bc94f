package com.contentsuite.article.hot;

import java.time.Instant;

import com.contentsuite.article.article.Engagement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * docs/api.md's hot score:
 * {@code log10(max(1, hits + 3*likes + 5*comments + 8*collects)) +
 * createTimeEpochSeconds / 45000}.
 */
class HotScoreTests {

	private static final double EXACT = 1e-12;

	@Nested
	class Of {

		@Test
		void withoutEngagementIsTheCreationTimeIn45000SecondUnits() {
			assertThat(score(0, 0, 0, 0, 0)).isEqualTo(0.0);
			assertThat(score(0, 0, 0, 0, 45_000)).isEqualTo(1.0);
			assertThat(score(0, 0, 0, 0, 1_767_225_600L)).isCloseTo(39_271.68, within(EXACT));
		}

		@Test
		void countsNothingBelowOneSoNoEngagementIsNeverNegative() {
			assertThat(score(1, 0, 0, 0, 0)).isEqualTo(0.0);
			assertThat(score(0, 0, 0, 0, 90_000)).isEqualTo(2.0);
		}

		@Test
		void weighsHitsOnceLikesThreeCommentsFiveAndCollectsEightTimes() {
			assertThat(score(10, 0, 0, 0, 0)).isCloseTo(1.0, within(EXACT));
			assertThat(score(0, 1, 0, 0, 0)).isCloseTo(Math.log10(3), within(EXACT));
			assertThat(score(0, 0, 2, 0, 0)).isCloseTo(1.0, within(EXACT));
			assertThat(score(0, 0, 0, 1, 0)).isCloseTo(Math.log10(8), within(EXACT));
			assertThat(score(2, 1, 1, 1, 0)).isCloseTo(Math.log10(18), within(EXACT));
			assertThat(score(7, 11, 13, 17, 0)).isCloseTo(Math.log10(7 + 33 + 65 + 136), within(EXACT));
		}

		@Test
		void tenTimesTheEngagementIsWorth45000Seconds() {
			double older = score(100, 0, 0, 0, 1_000_000);
			double newer = score(10, 0, 0, 0, 1_045_000);

			assertThat(older).isCloseTo(newer, within(1e-9));
			assertThat(score(11, 0, 0, 0, 1_045_000)).isGreaterThan(older);
			assertThat(score(100, 0, 0, 0, 1_000_001)).isGreaterThan(newer);
		}

		@Test
		void readsWholeSecondsOfTheCreationTime() {
			Engagement late = new Engagement(1, 0, 0, 0, 0, 0, Instant.ofEpochSecond(45_000, 999_000_000));
			Engagement early = new Engagement(2, 0, 0, 0, 0, 0, Instant.ofEpochSecond(45_000));

			assertThat(HotScore.of(late)).isEqualTo(1.0).isEqualTo(HotScore.of(early));
		}

		@Test
		void changesWithItsOwnEngagementOnly() {
			Engagement before = new Engagement(1, 5, 1, 0, 0, 3, Instant.ofEpochSecond(1_767_225_600L));
			Engagement after = new Engagement(1, 5, 2, 0, 0, 4, Instant.ofEpochSecond(1_767_225_600L));

			assertThat(HotScore.of(after) - HotScore.of(before)).isCloseTo(Math.log10(11.0 / 8.0), within(1e-9));
		}

	}

	@Nested
	class Member {

		@Test
		void isTheIdZeroPaddedSoThatTextOrderIsNumberOrder() {
			assertThat(HotScore.member(7)).isEqualTo("0000000000000000007").hasSize(19);
			assertThat(HotScore.member(Long.MAX_VALUE)).isEqualTo(Long.toString(Long.MAX_VALUE));
			assertThat(HotScore.member(10).compareTo(HotScore.member(9))).isPositive();
			assertThat(HotScore.member(100_000).compareTo(HotScore.member(99_999))).isPositive();
		}

	}

	private static double score(long hits, long likes, long comments, long collects, long epochSeconds) {
		return HotScore.of(new Engagement(1, hits, likes, collects, comments, 0, Instant.ofEpochSecond(epochSeconds)));
	}

}
