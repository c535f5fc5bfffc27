// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.iotpki.core.PkiParseException;

/**
 * Matter certificate time: unsigned 32-bit seconds since 2000-01-01T00:00:00Z, where 0 stands for
 * X.509's "no well-defined expiration" 99991231235959Z. In DER, years before 2050 are UTCTime and
 * later ones GeneralizedTime (RFC 5280 4.1.2.5), as connectedhomeip writes them.
 */
public final class MatterTime {
  /** 2000-01-01T00:00:00Z in Unix seconds. */
  public static final long EPOCH_UNIX_SECONDS = 946_684_800L;
  /** The Matter time that stands for 99991231235959Z. */
  public static final long NO_EXPIRY = 0;
  private static final long MAX = 0xFFFF_FFFFL;
  private static final String NO_EXPIRY_DER = "99991231235959Z";
  private static final long SECONDS_PER_DAY = 86_400;
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("uuMMddHHmmss'Z'", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private MatterTime() {}

  /** @throws IllegalArgumentException unless {@code seconds} is an unsigned 32-bit number */
  public static void check(long seconds, String field) {
    if (seconds < 0 || seconds > MAX) {
      throw new IllegalArgumentException(field + " must be 0 to 2^32-1 seconds since 2000, not " + seconds);
    }
  }

  public static Instant toInstant(long seconds) {
    return Instant.ofEpochSecond(EPOCH_UNIX_SECONDS + seconds);
  }

  /** The Matter time of an instant, or -1 if it is before 2000 or after the 32-bit range. */
  public static long fromInstant(Instant instant) {
    long seconds = instant.getEpochSecond() - EPOCH_UNIX_SECONDS;
    return seconds < 0 || seconds > MAX ? -1 : seconds;
  }

  /** The UTC year of a Matter time. */
  public static int year(long seconds) {
    return (int) (civilDate(Math.floorDiv(EPOCH_UNIX_SECONDS + seconds, SECONDS_PER_DAY)) / 10_000);
  }

  /**
   * Writes a Matter time as the ASCII digits of a DER time and its Z: YYMMDDHHMMSSZ (UTCTime) or,
   * with {@code fourDigitYear}, YYYYMMDDHHMMSSZ (GeneralizedTime); 13 or 15 bytes at {@code at}.
   */
  public static void writeDigits(long seconds, boolean fourDigitYear, byte[] out, int at) {
    long unix = EPOCH_UNIX_SECONDS + seconds;
    long date = civilDate(Math.floorDiv(unix, SECONDS_PER_DAY));
    int second = (int) Math.floorMod(unix, SECONDS_PER_DAY);
    int year = (int) (date / 10_000);
    if (fourDigitYear) {
      at = twoDigits(year / 100, out, at);
    }
    at = twoDigits(year % 100, out, at);
    at = twoDigits((int) (date / 100 % 100), out, at);
    at = twoDigits((int) (date % 100), out, at);
    at = twoDigits(second / 3600, out, at);
    at = twoDigits(second / 60 % 60, out, at);
    at = twoDigits(second % 60, out, at);
    out[at] = 'Z';
  }

  private static int twoDigits(int value, byte[] out, int at) {
    out[at] = (byte) ('0' + value / 10);
    out[at + 1] = (byte) ('0' + value % 10);
    return at + 2;
  }

  /**
   * The proleptic Gregorian date of a day since 1970-01-01 as yyyymmdd (Howard Hinnant's
   * civil_from_days), without the objects java.time would make.
   */
  private static long civilDate(long days) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return year * 10_000 + month * 100 + day;
  }

  /**
   * The Matter time of a DER UTCTime or GeneralizedTime element.
   *
   * @throws PkiParseException if it is malformed or outside what Matter time can hold
   */
  public static long fromDer(DerReader.Element time) throws PkiParseException {
    String text = new String(time.content(), StandardCharsets.US_ASCII);
    boolean utc = time.tag() == DerWriter.UTC_TIME;
    if (!utc && text.equals(NO_EXPIRY_DER)) {
      return NO_EXPIRY;
    }
    LocalDateTime parsed;
    try {
      if (utc) {
        if (text.length() != 13) {
          throw new PkiParseException("UTCTime must be YYMMDDHHMMSSZ", time.start());
        }
        parsed = LocalDateTime.parse(text, UTC_TIME);
        // RFC 5280: YY of 50 or more is 19YY; the formatter's base year put it in 20YY.
        if (parsed.getYear() >= 2050) {
          parsed = parsed.minusYears(100);
        }
      } else {
        if (text.length() != 15) {
          throw new PkiParseException("GeneralizedTime must be YYYYMMDDHHMMSSZ", time.start());
        }
        parsed = LocalDateTime.parse(text, GENERALIZED_TIME);
      }
    } catch (DateTimeParseException e) {
      throw new PkiParseException("malformed time " + text, time.start());
    }
    long seconds = fromInstant(parsed.toInstant(ZoneOffset.UTC));
    if (seconds < 0) {
      throw new PkiParseException("time " + text + " is outside what Matter time holds (2000 to 2136)", time.start());
    }
    return seconds;
  }
}
