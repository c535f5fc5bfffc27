// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.revocation.RevocationFilter;
import org.iotpki.matter.internal.AttestationCertificate;
import org.iotpki.matter.internal.Json;

/**
 * DAC and PAI revocation from a revocation set: the JSON array that connectedhomeip's test tooling
 * consumes ({@code TestDACRevocationDelegateImpl}), one entry per CRL issuer:
 *
 * <pre>{@code
 * [ { "type": "revocation_set",
 *     "issuer_subject_key_id": "<issuer SKID, upper-case hex>",
 *     "issuer_name": "<DER of the issuer's Name, base64>",
 *     "revoked_serial_numbers": ["<serial, upper-case hex>", ...],
 *     "crl_signer_cert": "<CRL signer certificate, base64 DER or PEM>",
 *     "crl_signer_delegator": "<optional delegator certificate>" } ]
 * }</pre>
 *
 * <p>Entries of the SDK's first format, without {@code crl_signer_cert}, are taken as they are.
 *
 * <p>A certificate is revoked when an entry has its issuer name and authorityKeyIdentifier and
 * lists its serial number, and that entry's CRL signer (its delegator when there is one) has that
 * subject and subjectKeyIdentifier, as the Matter specification's 6.2.4.2 and the SDK require.
 */
public final class RevocationSet {
  private static final int MAX_ENTRIES = 100_000;

  private record Entry(String issuerKeyId, String issuerName, Set<String> serials, boolean signerMatches) {}

  private final List<Entry> entries;

  private RevocationSet(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads a revocation set.
   *
   * @throws AttestationFormatException if it is not a JSON array of entries with the fields above
   */
  public static RevocationSet parse(String json) throws AttestationFormatException {
    Object document;
    try {
      document = Json.parse(json);
    } catch (PkiParseException e) {
      throw new AttestationFormatException("revocation set is not JSON: " + e.problem(), e.offset());
    }
    if (!(document instanceof List<?> array)) {
      throw new AttestationFormatException("a revocation set is a JSON array");
    }
    if (array.size() > MAX_ENTRIES) {
      throw new AttestationFormatException("revocation set of more than " + MAX_ENTRIES + " entries");
    }
    List<Entry> entries = new ArrayList<>();
    for (Object element : array) {
      if (!(element instanceof Map<?, ?> entry)) {
        throw new AttestationFormatException("a revocation set entry is a JSON object");
      }
      if (!"revocation_set".equals(entry.get("type"))) {
        throw new AttestationFormatException("a revocation set entry has \"type\": \"revocation_set\"");
      }
      String keyId = text(entry, "issuer_subject_key_id");
      String issuerName = text(entry, "issuer_name");
      if (!(entry.get("revoked_serial_numbers") instanceof List<?> serials)) {
        throw new AttestationFormatException("revocation set entry without a \"revoked_serial_numbers\" array");
      }
      List<String> serialTexts = new ArrayList<>();
      for (Object serial : serials) {
        if (!(serial instanceof String text)) {
          throw new AttestationFormatException("a revoked serial number is a string");
        }
        serialTexts.add(text);
      }
      boolean signerMatches = true;
      if (entry.containsKey("crl_signer_delegator") || entry.containsKey("crl_signer_cert")) {
        String signerField = entry.containsKey("crl_signer_delegator") ? "crl_signer_delegator" : "crl_signer_cert";
        X509Certificate signer = certificate(text(entry, signerField), signerField);
        String signerKeyId;
        try {
          signerKeyId = subjectKeyId(signer);
        } catch (PkiParseException e) {
          throw new AttestationFormatException("unreadable CRL signer certificate: " + e.getMessage(), e);
        }
        signerMatches = keyId.equals(signerKeyId)
            && issuerName.equals(Base64.getEncoder().encodeToString(signer.getSubjectX500Principal().getEncoded()));
      }
      entries.add(new Entry(keyId, issuerName, Set.copyOf(serialTexts), signerMatches));
    }
    return new RevocationSet(entries);
  }

  /** Whether {@code certificate} (a DAC or PAI) is revoked by this set. */
  public boolean isRevoked(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    String issuerName = Base64.getEncoder().encodeToString(certificate.getIssuerX500Principal().getEncoded());
    Optional<String> authorityKeyId = authorityKeyId(certificate);
    if (authorityKeyId.isEmpty()) {
      return false;
    }
    String serial = serialHex(certificate.getSerialNumber());
    for (Entry entry : entries) {
      if (!entry.issuerName.equals(issuerName) || !entry.issuerKeyId.equals(authorityKeyId.get())) {
        continue;
      }
      // An entry whose CRL signer does not match its issuer ends the search, as in the SDK.
      if (!entry.signerMatches) {
        return false;
      }
      if (entry.serials.contains(serial)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One compact {@link RevocationFilter} per issuer, for hubs: each revokes exactly the serials
   * this set revokes among the serials that issuer issued, so that {@code
   * filters.get(pai).isRevoked(dac.getSerialNumber())} answers as {@link #isRevoked} does for
   * every DAC the PAI issued. Entries for issuers not in {@code issuedByIssuer} are not used.
   *
   * @param issuedByIssuer every serial each issuer (a PAA or PAI certificate, matched by its
   *     subject and subjectKeyIdentifier as the set's entries name issuers) has issued, from its
   *     audit trail
   * @return the filters, in the order of {@code issuedByIssuer}, unmodifiable
   * @throws IllegalArgumentException if an issuer certificate has no subjectKeyIdentifier, or the
   *     set revokes a serial its issuer did not issue (naming the issuer and the serial)
   */
  public Map<X509Certificate, RevocationFilter> filtersByIssuer(
      Map<X509Certificate, ? extends Collection<BigInteger>> issuedByIssuer) {
    Map<X509Certificate, RevocationFilter> filters = new LinkedHashMap<>();
    issuedByIssuer.forEach((issuer, issued) -> {
      try {
        filters.put(issuer, RevocationFilter.build(issued, revokedSerials(issuer)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "issuer " + issuer.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
      }
    });
    return Collections.unmodifiableMap(filters);
  }

  /**
   * The serials {@link #isRevoked} revokes among the certificates of {@code issuer}: those of its
   * entries up to the first whose CRL signer does not match (which ends the search), written as
   * {@link #isRevoked} compares them; another spelling (lower case, a leading zero byte) matches
   * no certificate there, so none here either.
   */
  private Set<BigInteger> revokedSerials(X509Certificate issuer) {
    String name = Base64.getEncoder().encodeToString(issuer.getSubjectX500Principal().getEncoded());
    String keyId;
    try {
      keyId = subjectKeyId(issuer);
    } catch (PkiParseException e) {
      throw new IllegalArgumentException("unreadable issuer certificate: " + e.getMessage(), e);
    }
    if (keyId.isEmpty()) {
      throw new IllegalArgumentException("no subjectKeyIdentifier, which revocation set entries name issuers by");
    }
    Set<BigInteger> serials = new HashSet<>();
    for (Entry entry : entries) {
      if (!entry.issuerName.equals(name) || !entry.issuerKeyId.equals(keyId)) {
        continue;
      }
      if (!entry.signerMatches) {
        break;
      }
      for (String text : entry.serials) {
        serial(text).ifPresent(serials::add);
      }
    }
    return serials;
  }

  /** A listed serial if it is spelled as {@link #serialHex} writes one. */
  private static Optional<BigInteger> serial(String text) {
    try {
      BigInteger serial = new BigInteger(1, HexFormat.of().parseHex(text));
      return serialHex(serial).equals(text) ? Optional.of(serial) : Optional.empty();
    } catch (IllegalArgumentException notHex) {
      return Optional.empty();
    }
  }

  /** The number of CRL issuers in the set. */
  public int size() {
    return entries.size();
  }

  /** The serial's magnitude in upper-case hex, as the SDK writes it. */
  private static String serialHex(BigInteger serial) {
    byte[] bytes = serial.toByteArray();
    int from = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    return HexFormat.of().withUpperCase().formatHex(Arrays.copyOfRange(bytes, from, bytes.length));
  }

  private static String text(Map<?, ?> entry, String field) throws AttestationFormatException {
    if (!(entry.get(field) instanceof String text)) {
      throw new AttestationFormatException("revocation set entry without a \"" + field + "\" string");
    }
    return text;
  }

  private static X509Certificate certificate(String text, String field) throws AttestationFormatException {
    String pem = text.contains("-----BEGIN") ? text
        : "-----BEGIN CERTIFICATE-----\n" + text + "\n-----END CERTIFICATE-----\n";
    try {
      return PkiReader.defaults().readCertificate(pem.getBytes(StandardCharsets.US_ASCII));
    } catch (PkiParseException e) {
      throw new AttestationFormatException("\"" + field + "\" is not a certificate: " + e.problem(), e);
    }
  }

  /** The certificate's subjectKeyIdentifier in upper-case hex, empty if it has none. */
  private static String subjectKeyId(X509Certificate certificate) throws PkiParseException {
    return AttestationCertificate.of(certificate).subjectKeyId()
        .map(id -> HexFormat.of().withUpperCase().formatHex(id.id())).orElse("");
  }

  private static Optional<String> authorityKeyId(X509Certificate certificate) {
    try {
      return AttestationCertificate.of(certificate).authorityKeyId()
          .map(AttestationCertificate.KeyId::id).filter(Objects::nonNull)
          .map(id -> HexFormat.of().withUpperCase().formatHex(id));
    } catch (PkiParseException e) {
      return Optional.empty();
    }
  }
}
