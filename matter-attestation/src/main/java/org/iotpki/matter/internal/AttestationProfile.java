// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.attestation.AttestationCertType;
import org.iotpki.matter.attestation.AttestationFormatException;
import org.iotpki.matter.attestation.LintFinding;
import org.iotpki.matter.attestation.VidPid;

/**
 * The Matter attestation certificate profile (Matter Core 6.2.2). The first group of rules is the
 * SDK's VerifyAttestationCertificateFormat, in its order: the verifier stops at the first of them.
 * The linter reports those and the rest of the profile.
 */
public final class AttestationProfile {
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final int KEY_ID_LENGTH = 20;
  private static final int DIGITAL_SIGNATURE = 1;
  private static final int KEY_CERT_SIGN = 1 << 5;
  private static final int CRL_SIGN = 1 << 6;

  private AttestationProfile() {}

  /** The first violation of the SDK's format rules, if any. */
  public static Optional<LintFinding> firstFormatViolation(AttestationCertificate certificate, AttestationCertType type) {
    return firstFormatViolation(certificate, type, false);
  }

  /**
   * The first violation of the SDK's format rules, if any; with {@code mlDsaAuthorities}, PAAs
   * and PAIs may have ML-DSA-44 or ML-DSA-65 keys and sign with them (Matter PQC phase 1).
   */
  public static Optional<LintFinding> firstFormatViolation(AttestationCertificate certificate, AttestationCertType type,
      boolean mlDsaAuthorities) {
    List<LintFinding> findings = new ArrayList<>();
    sdkFormat(certificate, type, mlDsaAuthorities, findings);
    return findings.stream().findFirst();
  }

  /** Every violation of the profile: the SDK's format rules, then the rest. */
  public static List<LintFinding> lint(AttestationCertificate certificate, AttestationCertType type) {
    List<LintFinding> findings = new ArrayList<>();
    sdkFormat(certificate, type, false, findings);
    profile(certificate, type, findings);
    return findings;
  }

  private static void sdkFormat(AttestationCertificate certificate, AttestationCertType type, boolean mlDsaAuthorities,
      List<LintFinding> out) {
    var x509 = certificate.certificate();
    if (x509.getVersion() != 3) {
      out.add(new LintFinding("version", "must be X.509 v3, is v" + x509.getVersion()));
    }
    if (!ECDSA_WITH_SHA256.equals(x509.getSigAlgOID())
        && !(mlDsaAuthorities && AttestationAuthorityKeys.isMlDsaSignature(x509.getSigAlgOID()))) {
      out.add(new LintFinding("signature-algorithm", "must be ecdsa-with-SHA256"
          + (mlDsaAuthorities ? ", ML-DSA-44 or ML-DSA-65" : "") + ", is " + x509.getSigAlgName()));
    }
    boolean mlDsaKey = mlDsaAuthorities && type != AttestationCertType.DAC
        && AttestationAuthorityKeys.isMlDsa(x509.getPublicKey());
    if (!certificate.hasP256Key() && !mlDsaKey) {
      out.add(new LintFinding("public-key", "must be an uncompressed EC public key on prime256v1 (P-256)"
          + (mlDsaAuthorities && type != AttestationCertType.DAC ? ", ML-DSA-44 or ML-DSA-65" : "")));
    }
    try {
      basicConstraints(certificate, type, out);
    } catch (PkiParseException e) {
      out.add(new LintFinding("basic-constraints", "malformed: " + e.problem()));
    }
    try {
      keyUsage(certificate, type, out);
    } catch (PkiParseException e) {
      out.add(new LintFinding("key-usage", "malformed: " + e.problem()));
    }
    try {
      keyIds(certificate, type, out);
    } catch (PkiParseException e) {
      out.add(new LintFinding("key-identifier", "malformed: " + e.problem()));
    }
  }

  private static void basicConstraints(AttestationCertificate certificate, AttestationCertType type, List<LintFinding> out)
      throws PkiParseException {
    var found = certificate.basicConstraints();
    if (found.isEmpty()) {
      out.add(new LintFinding("basic-constraints", "basicConstraints is missing"));
      return;
    }
    var constraints = found.get();
    if (!constraints.critical()) {
      out.add(new LintFinding("basic-constraints", "basicConstraints must be critical"));
    }
    var pathLength = constraints.pathLength();
    switch (type) {
      case DAC -> {
        if (constraints.ca() || pathLength.isPresent()) {
          out.add(new LintFinding("basic-constraints", "a DAC must have cA false and no pathLenConstraint"));
        }
      }
      case PAI -> {
        if (!constraints.ca() || pathLength.isEmpty() || pathLength.getAsInt() != 0) {
          out.add(new LintFinding("basic-constraints", "a PAI must have cA true and pathLenConstraint 0"));
        }
      }
      case PAA -> {
        if (!constraints.ca() || (pathLength.isPresent() && pathLength.getAsInt() != 1)) {
          out.add(new LintFinding("basic-constraints", "a PAA must have cA true and pathLenConstraint absent or 1"));
        }
      }
    }
  }

  private static void keyUsage(AttestationCertificate certificate, AttestationCertType type, List<LintFinding> out)
      throws PkiParseException {
    var found = certificate.keyUsage();
    if (found.isEmpty()) {
      out.add(new LintFinding("key-usage", "keyUsage is missing"));
      return;
    }
    var usage = found.get();
    if (!usage.critical()) {
      out.add(new LintFinding("key-usage", "keyUsage must be critical"));
    }
    int bits = usage.bits();
    if (type == AttestationCertType.DAC) {
      if (bits != DIGITAL_SIGNATURE) {
        out.add(new LintFinding("key-usage", "a DAC's keyUsage must be digitalSignature only"));
      }
    } else if ((bits & KEY_CERT_SIGN) == 0 || (bits & CRL_SIGN) == 0
        || (bits & ~(KEY_CERT_SIGN | CRL_SIGN | DIGITAL_SIGNATURE)) != 0) {
      out.add(new LintFinding("key-usage",
          "a " + type + "'s keyUsage must be keyCertSign and cRLSign, optionally digitalSignature, nothing else"));
    }
  }

  private static void keyIds(AttestationCertificate certificate, AttestationCertType type, List<LintFinding> out)
      throws PkiParseException {
    var subject = certificate.subjectKeyId();
    if (subject.isEmpty()) {
      out.add(new LintFinding("subject-key-id", "subjectKeyIdentifier is missing"));
    } else {
      if (subject.get().critical()) {
        out.add(new LintFinding("subject-key-id", "subjectKeyIdentifier must not be critical"));
      }
      if (subject.get().id().length != KEY_ID_LENGTH) {
        out.add(new LintFinding("subject-key-id",
            "subjectKeyIdentifier must have 20 bytes, has " + subject.get().id().length));
      }
    }
    var authority = certificate.authorityKeyId();
    if (authority.isEmpty()) {
      if (type != AttestationCertType.PAA) {
        out.add(new LintFinding("authority-key-id", "authorityKeyIdentifier is missing; a " + type + " must have it"));
      }
      return;
    }
    if (authority.get().critical()) {
      out.add(new LintFinding("authority-key-id", "authorityKeyIdentifier must not be critical"));
    }
    byte[] id = authority.get().id();
    if (id == null || id.length != KEY_ID_LENGTH) {
      out.add(new LintFinding("authority-key-id", "authorityKeyIdentifier must have a 20-byte keyIdentifier"));
    }
  }

  private static void profile(AttestationCertificate certificate, AttestationCertType type, List<LintFinding> out) {
    var x509 = certificate.certificate();
    if (certificate.length() > AttestationCertificate.MAX_DER_LENGTH) {
      out.add(new LintFinding("der-size", "DER of " + certificate.length() + " bytes; Matter allows at most "
          + AttestationCertificate.MAX_DER_LENGTH));
    }
    BigInteger serial = x509.getSerialNumber();
    if (serial.signum() <= 0 || serial.toByteArray().length > 20) {
      out.add(new LintFinding("serial-number", "serial number must be positive and at most 20 octets"));
    }
    if (x509.getNotAfter().before(x509.getNotBefore())) {
      out.add(new LintFinding("validity", "notAfter is before notBefore"));
    }
    VidPid ids;
    try {
      ids = VidPid.of(x509);
    } catch (AttestationFormatException e) {
      out.add(new LintFinding("vid-pid", e.problem()));
      return;
    }
    if (type != AttestationCertType.PAA && ids.vendorId().isEmpty()) {
      out.add(new LintFinding("vid-pid", "a " + type + " subject must have a vendor ID (matter-vid)"));
    }
    if (type == AttestationCertType.DAC && ids.productId().isEmpty()) {
      out.add(new LintFinding("vid-pid", "a DAC subject must have a product ID (matter-pid)"));
    }
    if (type == AttestationCertType.PAA && ids.productId().isPresent()) {
      out.add(new LintFinding("vid-pid", "a PAA subject must not have a product ID"));
    }
    if (ids.vendorId().isPresent() && ids.vendorId().getAsInt() == 0) {
      out.add(new LintFinding("vid-pid", "vendor ID 0x0000 is not a valid vendor"));
    }
  }
}
