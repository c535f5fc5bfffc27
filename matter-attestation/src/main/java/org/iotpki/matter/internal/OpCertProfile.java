// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iotpki.matter.opcert.CertificateRole;
import org.iotpki.matter.opcert.DistinguishedName;
import org.iotpki.matter.opcert.DnAttributeType;
import org.iotpki.matter.opcert.ExtendedKeyPurpose;
import org.iotpki.matter.opcert.OpCertExtension;
import org.iotpki.matter.opcert.OperationalCertificate;
import org.iotpki.matter.opcert.OperationalChainFailure;

/**
 * The rules one certificate must meet for its role, on its own (spec section 6.5: subject DN
 * encoding, identifier ranges, CATs, and the extensions each role must carry).
 */
public final class OpCertProfile {
  /** The highest operational node id (spec 2.5.5.1): above it are group, temporary and reserved ids. */
  static final long MAX_OPERATIONAL_NODE_ID = 0xFFFF_FFEF_FFFF_FFFFL;
  /** A NOC carries at most 3 CASE Authenticated Tags (spec 6.6.2.1.2). */
  static final int MAX_CATS = 3;

  private static final List<DnAttributeType> ROLE_IDS = List.of(
      DnAttributeType.MATTER_NODE_ID, DnAttributeType.MATTER_ICAC_ID,
      DnAttributeType.MATTER_RCAC_ID, DnAttributeType.MATTER_FIRMWARE_SIGNING_ID);

  private OpCertProfile() {}

  /** Checks {@code certificate} against the rules of {@code role}. */
  public static void check(OperationalCertificate certificate, CertificateRole role) throws RuleFailure {
    DistinguishedName subject = certificate.subject();
    DnAttributeType roleId = switch (role) {
      case NOC -> DnAttributeType.MATTER_NODE_ID;
      case ICAC -> DnAttributeType.MATTER_ICAC_ID;
      case RCAC -> DnAttributeType.MATTER_RCAC_ID;
    };
    // Malformed identifier values are named before a missing or repeated role identifier: they are
    // the more specific fault when a subject has both.
    checkFabricId(subject, role);
    checkCats(subject, role);
    for (DnAttributeType id : ROLE_IDS) {
      long expected = id == roleId ? 1 : 0;
      if (subject.count(id) != expected) {
        throw new RuleFailure(OperationalChainFailure.WRONG_CERTIFICATE_TYPE, role,
            "a " + role + " subject has " + expected + " " + id + ", this one " + subject.count(id));
      }
    }
    if (role == CertificateRole.NOC && subject.count(DnAttributeType.MATTER_FABRIC_ID) == 0) {
      throw new RuleFailure(OperationalChainFailure.INVALID_FABRIC_ID, role, "the NOC has no fabric id");
    }
    checkExtensions(certificate, role);
    if (role == CertificateRole.NOC) {
      long nodeId = subject.matterId(DnAttributeType.MATTER_NODE_ID).getAsLong();
      if (nodeId == 0 || Long.compareUnsigned(nodeId, MAX_OPERATIONAL_NODE_ID) > 0) {
        throw new RuleFailure(OperationalChainFailure.INVALID_NODE_ID, role,
            "node id " + Hex.upper(nodeId, 16) + " is not an operational node id");
      }
    }
  }

  private static void checkFabricId(DistinguishedName subject, CertificateRole role) throws RuleFailure {
    List<Long> fabricIds = subject.ids(DnAttributeType.MATTER_FABRIC_ID);
    if (fabricIds.size() > 1 || fabricIds.contains(0L)) {
      throw new RuleFailure(OperationalChainFailure.INVALID_FABRIC_ID, role,
          "fabric ids " + fabricIds.stream().map(id -> Hex.upper(id, 16)).toList() + ": at most one, and never 0");
    }
  }

  private static void checkCats(DistinguishedName subject, CertificateRole role) throws RuleFailure {
    List<Long> cats = subject.ids(DnAttributeType.MATTER_NOC_CAT);
    if (cats.isEmpty()) {
      return;
    }
    if (role != CertificateRole.NOC) {
      throw new RuleFailure(OperationalChainFailure.INVALID_CASE_AUTHENTICATED_TAG, role, "only a NOC carries CASE Authenticated Tags");
    }
    if (cats.size() > MAX_CATS) {
      throw new RuleFailure(OperationalChainFailure.INVALID_CASE_AUTHENTICATED_TAG, role, cats.size() + " CATs; at most " + MAX_CATS);
    }
    Set<Long> identifiers = new HashSet<>();
    for (long cat : cats) {
      if ((cat & 0xFFFF) == 0) {
        throw new RuleFailure(OperationalChainFailure.INVALID_CASE_AUTHENTICATED_TAG, role, "CAT " + Hex.upper(cat, 8) + " has version 0");
      }
      if (!identifiers.add(cat >>> 16)) {
        throw new RuleFailure(OperationalChainFailure.INVALID_CASE_AUTHENTICATED_TAG, role,
            "two CATs with identifier " + Hex.upper(cat >>> 16, 4));
      }
    }
  }

  private static void checkExtensions(OperationalCertificate certificate, CertificateRole role) throws RuleFailure {
    OpCertExtension.BasicConstraints bc = certificate.basicConstraints().orElseThrow(() -> missing(role, "basicConstraints"));
    OpCertExtension.KeyUsage usage = certificate.keyUsage().orElseThrow(() -> missing(role, "keyUsage"));
    certificate.subjectKeyId().orElseThrow(() -> missing(role, "subjectKeyIdentifier"));
    // Spec 6.5.11: every operational certificate, the self-signed RCAC too, names its signing key.
    certificate.authorityKeyId().orElseThrow(() -> missing(role, "authorityKeyIdentifier"));
    if (role == CertificateRole.NOC) {
      checkNocExtensions(certificate, bc, usage);
      return;
    }
    if (!bc.ca()) {
      throw new RuleFailure(OperationalChainFailure.NOT_A_CA, role, "basicConstraints cA is false");
    }
    int maxPathLength = role == CertificateRole.RCAC ? 1 : 0;
    if (bc.pathLength().isPresent() && bc.pathLength().getAsInt() > maxPathLength) {
      throw new RuleFailure(OperationalChainFailure.PATH_LENGTH_EXCEEDED, role,
          "pathLenConstraint " + bc.pathLength().getAsInt() + "; a " + role + " allows at most " + maxPathLength);
    }
    if (!usage.has(OpCertExtension.KeyUsage.KEY_CERT_SIGN)) {
      throw new RuleFailure(OperationalChainFailure.KEY_USAGE_NOT_ALLOWED, role, "a CA's keyUsage needs keyCertSign");
    }
    if (certificate.extendedKeyUsage().isPresent()) {
      throw new RuleFailure(OperationalChainFailure.EXTENDED_KEY_USAGE_NOT_ALLOWED, role, "a CA has no extendedKeyUsage");
    }
  }

  private static void checkNocExtensions(
      OperationalCertificate noc, OpCertExtension.BasicConstraints bc, OpCertExtension.KeyUsage usage) throws RuleFailure {
    CertificateRole role = CertificateRole.NOC;
    if (bc.ca() || bc.pathLength().isPresent()) {
      throw new RuleFailure(OperationalChainFailure.CA_NOT_ALLOWED, role,
          bc.ca() ? "the NOC has basicConstraints cA true" : "the NOC has a pathLenConstraint");
    }
    if (!usage.has(OpCertExtension.KeyUsage.DIGITAL_SIGNATURE)
        || (usage.bits() & (OpCertExtension.KeyUsage.KEY_CERT_SIGN | OpCertExtension.KeyUsage.CRL_SIGN)) != 0) {
      throw new RuleFailure(OperationalChainFailure.KEY_USAGE_NOT_ALLOWED, role,
          "the NOC's keyUsage needs digitalSignature and must not have keyCertSign or cRLSign");
    }
    List<ExtendedKeyPurpose> purposes = noc.extendedKeyUsage()
        .orElseThrow(() -> missing(role, "extendedKeyUsage")).purposes();
    if (!purposes.contains(ExtendedKeyPurpose.CLIENT_AUTH) || !purposes.contains(ExtendedKeyPurpose.SERVER_AUTH)) {
      throw new RuleFailure(OperationalChainFailure.EXTENDED_KEY_USAGE_NOT_ALLOWED, role,
          "the NOC's extendedKeyUsage needs clientAuth and serverAuth, has " + purposes);
    }
  }

  private static RuleFailure missing(CertificateRole role, String extension) {
    return new RuleFailure(OperationalChainFailure.MISSING_EXTENSION, role, "the " + role + " has no " + extension);
  }
}
