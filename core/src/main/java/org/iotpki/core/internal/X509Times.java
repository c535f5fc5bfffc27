// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Time;

/**
 * X.509 validity times (RFC 5280 4.1.2.5): UTCTime through 2049, GeneralizedTime from 2050,
 * formatted with java.time; BouncyCastle's own {@code Time(Date)} formats and re-parses with
 * SimpleDateFormat, which costs more than the rest of building a certificate but its signature.
 */
public final class X509Times {
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Instant GENERALIZED_FROM = Instant.parse("2050-01-01T00:00:00Z");
  private static final Instant UTC_FROM = Instant.parse("1950-01-01T00:00:00Z");

  private X509Times() {}

  /** The Time of an instant, whole seconds. */
  public static Time of(Instant instant) {
    boolean utc = !instant.isBefore(UTC_FROM) && instant.isBefore(GENERALIZED_FROM);
    byte[] text = (utc ? UTC_TIME : GENERALIZED_TIME).format(instant).getBytes(StandardCharsets.US_ASCII);
    byte[] der = new byte[text.length + 2];
    der[0] = (byte) (utc ? 0x17 : 0x18);
    der[1] = (byte) text.length;
    System.arraycopy(text, 0, der, 2, text.length);
    try {
      return Time.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException e) {
      throw new IllegalStateException("a formatted time is not DER", e);
    }
  }
}
