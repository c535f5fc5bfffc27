// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * When to renew a certificate: at a point of a window placed at fixed fractions of its lifetime
 * (by default from 2/3 to 5/6), chosen per certificate so that a fleet issued on one day does
 * not come back on one day, and the same point for one certificate across restarts.
 *
 * <p>The last sixth of the lifetime is left for retries: a device that cannot reach the CA at its
 * renewal time keeps trying with a valid certificate.
 *
 * <pre>{@code
 * RenewalSchedule schedule = RenewalSchedule.defaults();
 * Instant due = schedule.renewAt(certificate);
 * }</pre>
 */
public final class RenewalSchedule {
  private final double from;
  private final double to;

  private RenewalSchedule(double from, double to) {
    this.from = from;
    this.to = to;
  }

  /** Renew between 2/3 and 5/6 of the lifetime. */
  public static RenewalSchedule defaults() {
    return between(2.0 / 3, 5.0 / 6);
  }

  /**
   * Renew between the fractions {@code from} and {@code to} of the lifetime.
   *
   * @throws IllegalArgumentException unless {@code 0 < from < to < 1}
   */
  public static RenewalSchedule between(double from, double to) {
    if (!(from > 0 && from < to && to < 1)) {
      throw new IllegalArgumentException(
          "a renewal window needs 0 < from < to < 1 of the lifetime, not " + from + ".." + to);
    }
    return new RenewalSchedule(from, to);
  }

  /** The window of {@code certificate}, from its validity period. */
  public RenewalWindow window(X509Certificate certificate) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    long lifetimeMillis =
        Duration.between(notBefore, certificate.getNotAfter().toInstant()).toMillis();
    if (lifetimeMillis < 2) {
      throw new IllegalArgumentException("certificate " + certificate.getSerialNumber()
          .toString(16) + " has no lifetime to renew in");
    }
    Instant start = notBefore.plusMillis(Math.max(1, (long) (lifetimeMillis * from)));
    Instant end = notBefore.plusMillis(Math.max((long) (lifetimeMillis * to),
        Duration.between(notBefore, start).toMillis() + 1));
    return new RenewalWindow(start, end);
  }

  /** When to renew {@code certificate}: its point of {@link #window}. */
  public Instant renewAt(X509Certificate certificate) {
    return window(certificate).pick(fingerprint(certificate));
  }

  /**
   * When to renew {@code certificate} in the window its CA suggested (RFC 9773 section 4.2:
   * a uniformly random point of it); this certificate's point, stable across restarts.
   */
  public Instant renewAt(X509Certificate certificate, RenewalWindow suggested) {
    return suggested.pick(fingerprint(certificate));
  }

  @Override
  public String toString() {
    return "RenewalSchedule[" + from + ".." + to + " of the lifetime]";
  }

  private static byte[] fingerprint(X509Certificate certificate) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate cannot be encoded", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
