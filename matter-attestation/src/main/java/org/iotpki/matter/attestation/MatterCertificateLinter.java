// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.iotpki.matter.internal.AttestationCertificate;
import org.iotpki.matter.internal.AttestationProfile;

/**
 * Reports every violation of the Matter attestation certificate profile (Matter Core 6.2.2) in a
 * PAA, PAI or DAC, not only the first, for factory quality assurance. It covers the rules the SDK's
 * verifier enforces (version, ecdsa-with-SHA256, P-256, critical basicConstraints and keyUsage with
 * the values of each type, 20-byte key identifiers) and the rest of the profile: DER size of at most
 * 600 bytes, serial number, validity order, and the vendor and product IDs each type must or must not
 * have.
 *
 * <pre>{@code
 * List<LintFinding> findings = MatterCertificateLinter.lint(dacDer, AttestationCertType.DAC);
 * findings.forEach(f -> System.out.println(f.rule() + ": " + f.message()));
 * }</pre>
 */
public final class MatterCertificateLinter {
  private MatterCertificateLinter() {}

  /**
   * The violations in a DER certificate, in rule order; empty if it conforms.
   *
   * @throws AttestationFormatException if {@code der} is not an X.509 certificate at all
   */
  public static List<LintFinding> lint(byte[] der, AttestationCertType type) throws AttestationFormatException {
    return AttestationProfile.lint(AttestationCertificate.parse(der), type);
  }

  /** The violations in {@code certificate}; see {@link #lint(byte[], AttestationCertType)}. */
  public static List<LintFinding> lint(X509Certificate certificate, AttestationCertType type)
      throws AttestationFormatException {
    try {
      return lint(certificate.getEncoded(), type);
    } catch (CertificateEncodingException e) {
      throw new AttestationFormatException("certificate cannot be encoded", e);
    }
  }

  /**
   * The type a certificate claims by its shape: a DAC if it is not a CA, a PAA if it is a
   * self-issued CA, otherwise a PAI. For linting files whose role is not given.
   */
  public static AttestationCertType guessType(X509Certificate certificate) {
    if (certificate.getBasicConstraints() < 0) {
      return AttestationCertType.DAC;
    }
    return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
        ? AttestationCertType.PAA : AttestationCertType.PAI;
  }
}
