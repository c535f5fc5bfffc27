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

  /** The DER Time element for a Matter time. */
  public static byte[] der(long seconds) {
    if (seconds == NO_EXPIRY) {
      return DerWriter.string(DerWriter.GENERALIZED_TIME, NO_EXPIRY_DER);
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond(EPOCH_UNIX_SECONDS + seconds, 0, ZoneOffset.UTC);
    return time.getYear() < 2050
        ? DerWriter.string(DerWriter.UTC_TIME, UTC_TIME.format(time))
        : DerWriter.string(DerWriter.GENERALIZED_TIME, GENERALIZED_TIME.format(time));
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
