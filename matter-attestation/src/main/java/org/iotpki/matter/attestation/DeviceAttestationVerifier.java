// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import static org.iotpki.matter.attestation.AttestationResult.*;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.internal.AttestationCertificate;
import org.iotpki.matter.internal.AttestationAuthorityKeys;
import org.iotpki.matter.internal.AttestationChain;
import org.iotpki.matter.internal.AttestationProfile;
import org.iotpki.matter.internal.CmsSignedCd;

/**
 * Verifies Matter device attestation with the decisions and result codes of connectedhomeip's
 * {@code DefaultDACVerifier}: the checks run in the SDK's order and the first failing one decides
 * the {@link AttestationResult}.
 *
 * <p>The order: PAI present; PAI and DAC certificate format; DAC and PAI vendor and product IDs;
 * the attestation signature; the PAA found by the PAI's authorityKeyIdentifier, its IDs; the DAC
 * valid now; the chain PAA → PAI → DAC valid at the DAC's notBefore (so that a device stays
 * attestable after its PAI expires, as in the SDK); the attestation elements and nonce; the
 * Certification Declaration's signature and content; and, when a revocation set is configured,
 * revocation of the DAC and PAI. With {@code at} given, the DAC and the chain are checked at that
 * instant instead.
 *
 * <pre>{@code
 * DeviceAttestationVerifier verifier = DeviceAttestationVerifier.builder()
 *     .paaTrustStore(PaaTrustStore.fromDirectory(Path.of("paa-root-certs")))
 *     .cdSigningKeys(CdSigningKeys.of(List.of(cdSigner)))
 *     .build();
 * AttestationVerification outcome = verifier.verify(info);
 * }</pre>
 *
 * <p>Thread-safe; a verifier can be shared.
 */
public final class DeviceAttestationVerifier {
  private static final int RAW_SIGNATURE_LENGTH = 64;
  private static final int KEY_ID_LENGTH = 20;

  private final PaaTrustStore paaTrustStore;
  private final CdSigningKeys cdSigningKeys;
  private final Optional<RevocationSet> revocationSet;
  private final Clock clock;
  private final boolean mlDsaAuthorities;

  private DeviceAttestationVerifier(Builder builder) {
    this.paaTrustStore = builder.paaTrustStore;
    this.cdSigningKeys = builder.cdSigningKeys;
    this.revocationSet = Optional.ofNullable(builder.revocationSet);
    this.clock = builder.clock;
    this.mlDsaAuthorities = builder.mlDsaAuthorities;
  }

  /** A builder; a PAA trust store is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Verifies an Attestation Response and the device's certificates, as a commissioner does. */
  public AttestationVerification verify(AttestationInfo info) {
    return run(new Input(info, null), null);
  }

  /** {@link #verify(AttestationInfo)} with the DAC and chain checked at {@code at}. */
  public AttestationVerification verify(AttestationInfo info, Instant at) {
    return run(new Input(info, null), Objects.requireNonNull(at, "at"));
  }

  /**
   * Verifies a device's certificates and, if given, its Certification Declaration, outside of a
   * session: the SDK's checks without the attestation signature and nonce.
   */
  public AttestationVerification verify(DeviceCredentials device) {
    return run(new Input(null, device), null);
  }

  /** {@link #verify(DeviceCredentials)} with the DAC and chain checked at {@code at}. */
  public AttestationVerification verify(DeviceCredentials device, Instant at) {
    return run(new Input(null, device), Objects.requireNonNull(at, "at"));
  }

  /** The two kinds of input, seen the same way. */
  private record Input(AttestationInfo response, DeviceCredentials device) {
    byte[] pai() {
      return response != null ? response.pai() : device.pai();
    }

    byte[] dac() {
      return response != null ? response.dac() : device.dac();
    }
  }

  private AttestationVerification run(Input input, Instant at) {
    try {
      return checks(input, at);
    } catch (Failure failure) {
      return failure.failed;
    }
  }

  private AttestationVerification checks(Input input, Instant at) throws Failure {
    AttestationInfo response = input.response();
    if (response != null) {
      arguments(response);
    }
    byte[] paiDer = input.pai();
    if (paiDer.length == 0) {
      throw new Failure(PAI_MISSING, AttestationElement.PAI, "the device sent no PAI");
    }
    AttestationCertificate pai = format(paiDer, AttestationCertType.PAI, PAI_FORMAT_INVALID, AttestationElement.PAI);
    AttestationCertificate dac = format(input.dac(), AttestationCertType.DAC, DAC_FORMAT_INVALID, AttestationElement.DAC);

    VidPid dacIds = ids(dac, DAC_FORMAT_INVALID, AttestationElement.DAC);
    VidPid paiIds = ids(pai, PAI_FORMAT_INVALID, AttestationElement.PAI);
    if (paiIds.vendorId().isEmpty() || !paiIds.vendorId().equals(dacIds.vendorId())) {
      throw new Failure(DAC_VENDOR_ID_MISMATCH, AttestationElement.DAC,
          "DAC vendor ID " + hex(dacIds.vendorId()) + " does not match the PAI's " + hex(paiIds.vendorId()));
    }
    if (dacIds.productId().isEmpty()) {
      throw new Failure(DAC_PRODUCT_ID_MISMATCH, AttestationElement.DAC, "the DAC has no product ID");
    }
    if (paiIds.productId().isPresent() && !paiIds.productId().equals(dacIds.productId())) {
      throw new Failure(DAC_PRODUCT_ID_MISMATCH, AttestationElement.DAC,
          "DAC product ID " + hex(dacIds.productId()) + " does not match the PAI's " + hex(paiIds.productId()));
    }

    if (response != null) {
      attestationSignature(response, dac);
    }

    AttestationCertificate paa = paa(pai, paiIds);
    Optional<String> tooStrong =
        AttestationAuthorityKeys.strongerThanIssuer(pai.certificate().getPublicKey(), paa.certificate().getPublicKey());
    if (tooStrong.isPresent()) {
      throw new Failure(PAI_FORMAT_INVALID, AttestationElement.PAI, tooStrong.get());
    }
    X509Certificate dacCertificate = dac.certificate();
    Instant now = at != null ? at : clock.instant();
    if (now.isBefore(dacCertificate.getNotBefore().toInstant()) || now.isAfter(dacCertificate.getNotAfter().toInstant())) {
      throw new Failure(DAC_EXPIRED, AttestationElement.DAC, "the DAC is not valid at " + now + " (valid "
          + dacCertificate.getNotBefore().toInstant() + " to " + dacCertificate.getNotAfter().toInstant() + ")");
    }
    chain(paa, pai, dac, at != null ? at : AttestationChain.issuanceTime(dacCertificate));
    byte[] paaKeyId = paaKeyId(paa);

    // Firmware information is carried but, as in the SDK (a TODO there), not checked against the CD.
    Optional<byte[]> signedCd;
    int vendorId;
    int productId;
    if (response != null) {
      AttestationElements elements = elements(response);
      signedCd = Optional.of(elements.certificationDeclaration());
      vendorId = response.vendorId();
      productId = response.productId();
    } else {
      DeviceCredentials device = input.device();
      signedCd = device.certificationDeclaration();
      vendorId = device.basicInformationVendorId().orElse(dacIds.vendorId().getAsInt());
      productId = device.basicInformationProductId().orElse(dacIds.productId().getAsInt());
    }
    Optional<CertificationDeclaration> cd = Optional.empty();
    if (signedCd.isPresent()) {
      CertificationDeclaration content = certificationDeclaration(signedCd.get());
      payload(content, vendorId, productId, dacIds, paiIds, paaKeyId);
      cd = Optional.of(content);
    }
    revocation(dacCertificate, pai.certificate());
    return new AttestationVerification.Verified(paa.certificate(), dacIds, cd);
  }

  private static void arguments(AttestationInfo response) throws Failure {
    if (response.attestationElements().length == 0 || response.attestationChallenge().length == 0
        || response.attestationSignature().length == 0 || response.dac().length == 0
        || response.attestationNonce().length == 0) {
      throw new Failure(INVALID_ARGUMENT, AttestationElement.ARGUMENTS,
          "attestation elements, challenge, signature, DAC and nonce must not be empty");
    }
    if (response.attestationElements().length > AttestationElements.MAX_LENGTH) {
      throw new Failure(INVALID_ARGUMENT, AttestationElement.ATTESTATION_ELEMENTS,
          "attestation elements of " + response.attestationElements().length + " bytes, over RESP_MAX "
              + AttestationElements.MAX_LENGTH);
    }
  }

  private AttestationCertificate format(byte[] der, AttestationCertType type, AttestationResult code,
      AttestationElement element) throws Failure {
    AttestationCertificate certificate;
    try {
      certificate = AttestationCertificate.parse(der);
    } catch (AttestationFormatException e) {
      throw new Failure(code, element, e.problem());
    }
    var violation = AttestationProfile.firstFormatViolation(certificate, type, mlDsaAuthorities);
    if (violation.isPresent()) {
      throw new Failure(code, element, violation.get().rule() + ": " + violation.get().message());
    }
    return certificate;
  }

  private static VidPid ids(AttestationCertificate certificate, AttestationResult code, AttestationElement element)
      throws Failure {
    try {
      return VidPid.of(certificate.certificate());
    } catch (AttestationFormatException e) {
      throw new Failure(code, element, e.problem());
    }
  }

  private static void attestationSignature(AttestationInfo response, AttestationCertificate dac) throws Failure {
    byte[] signature = response.attestationSignature();
    if (signature.length != RAW_SIGNATURE_LENGTH) {
      throw new Failure(ATTESTATION_SIGNATURE_INVALID_FORMAT, AttestationElement.ATTESTATION_SIGNATURE,
          "an attestation signature is 64 bytes r || s, this one has " + signature.length);
    }
    boolean valid;
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(dac.certificate().getPublicKey());
      verifier.update(response.attestationElements());
      verifier.update(response.attestationChallenge());
      valid = verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      throw new Failure(ATTESTATION_SIGNATURE_INVALID, AttestationElement.ATTESTATION_SIGNATURE,
          "the attestation signature does not verify with the DAC's public key");
    }
  }

  private AttestationCertificate paa(AttestationCertificate pai, VidPid paiIds) throws Failure {
    byte[] authorityKeyId;
    try {
      authorityKeyId = pai.authorityKeyId().map(AttestationCertificate.KeyId::id).orElse(null);
    } catch (PkiParseException e) {
      authorityKeyId = null;
    }
    if (authorityKeyId == null || authorityKeyId.length != KEY_ID_LENGTH) {
      throw new Failure(PAI_FORMAT_INVALID, AttestationElement.PAI, "the PAI has no 20-byte authorityKeyIdentifier");
    }
    Optional<X509Certificate> found = paaTrustStore.findBySubjectKeyId(authorityKeyId);
    if (found.isEmpty()) {
      throw new Failure(PAA_NOT_FOUND, AttestationElement.PAA,
          "no trusted PAA has subjectKeyIdentifier " + java.util.HexFormat.of().withUpperCase().formatHex(authorityKeyId));
    }
    AttestationCertificate paa;
    VidPid paaIds;
    try {
      paa = AttestationCertificate.parse(found.get().getEncoded());
      paaIds = VidPid.of(paa.certificate());
    } catch (AttestationFormatException | java.security.cert.CertificateEncodingException e) {
      throw new Failure(PAA_FORMAT_INVALID, AttestationElement.PAA, e.getMessage());
    }
    if (paaIds.vendorId().isPresent() && !paaIds.vendorId().equals(paiIds.vendorId())) {
      throw new Failure(PAI_VENDOR_ID_MISMATCH, AttestationElement.PAI,
          "PAI vendor ID " + hex(paiIds.vendorId()) + " does not match the PAA's " + hex(paaIds.vendorId()));
    }
    if (paaIds.productId().isPresent()) {
      throw new Failure(PAA_FORMAT_INVALID, AttestationElement.PAA, "a PAA must not have a product ID");
    }
    return paa;
  }

  private static void chain(AttestationCertificate paa, AttestationCertificate pai, AttestationCertificate dac,
      Instant time) throws Failure {
    var invalid = AttestationChain.validate(paa.certificate(), pai.certificate(), dac.certificate(), time);
    if (invalid.isPresent()) {
      AttestationElement failing = switch (invalid.get().certificateIndex()) {
        case 0 -> AttestationElement.DAC;
        case 1 -> AttestationElement.PAI;
        default -> AttestationElement.PAA;
      };
      // The SDK maps every path validation failure (kChainInvalid) to kDacSignatureInvalid.
      throw new Failure(DAC_SIGNATURE_INVALID, failing,
          "the chain PAA -> PAI -> DAC does not validate at " + time + ": " + invalid.get().reason() + ": "
              + invalid.get().message());
    }
  }

  private static byte[] paaKeyId(AttestationCertificate paa) throws Failure {
    try {
      var keyId = paa.subjectKeyId();
      if (keyId.isPresent() && keyId.get().id().length == KEY_ID_LENGTH) {
        return keyId.get().id();
      }
    } catch (PkiParseException e) {
      // reported below
    }
    throw new Failure(PAA_FORMAT_INVALID, AttestationElement.PAA, "the PAA has no 20-byte subjectKeyIdentifier");
  }

  private static AttestationElements elements(AttestationInfo response) throws Failure {
    AttestationElements elements;
    try {
      elements = AttestationElements.decode(response.attestationElements());
    } catch (AttestationFormatException e) {
      throw new Failure(ATTESTATION_ELEMENTS_MALFORMED, AttestationElement.ATTESTATION_ELEMENTS, e.getMessage());
    }
    if (!MessageDigest.isEqual(elements.attestationNonce(), response.attestationNonce())) {
      throw new Failure(ATTESTATION_NONCE_MISMATCH, AttestationElement.ATTESTATION_NONCE,
          "the attestation elements carry another nonce than the one sent");
    }
    return elements;
  }

  private CertificationDeclaration certificationDeclaration(byte[] signed) throws Failure {
    CmsSignedCd envelope;
    try {
      envelope = CmsSignedCd.parse(signed);
    } catch (PkiParseException e) {
      throw new Failure(CERTIFICATION_DECLARATION_NO_KEY_ID, AttestationElement.CERTIFICATION_DECLARATION,
          "no signer key ID in the CMS envelope: " + e.getMessage());
    }
    var key = cdSigningKeys.find(envelope.signerKeyId());
    if (key.isEmpty()) {
      throw new Failure(CERTIFICATION_DECLARATION_NO_CERTIFICATE_FOUND, AttestationElement.CERTIFICATION_DECLARATION,
          "no trusted CD signing key has key ID "
              + java.util.HexFormat.of().withUpperCase().formatHex(envelope.signerKeyId()));
    }
    Optional<byte[]> content = envelope.verifiedContent(key.get());
    if (content.isEmpty()) {
      throw new Failure(CERTIFICATION_DECLARATION_INVALID_SIGNATURE, AttestationElement.CERTIFICATION_DECLARATION,
          "the CMS envelope is not the Matter layout or its signature does not verify with the trusted key");
    }
    try {
      return CertificationDeclaration.decode(content.get());
    } catch (AttestationFormatException e) {
      throw new Failure(CERTIFICATION_DECLARATION_INVALID_FORMAT, AttestationElement.CERTIFICATION_DECLARATION,
          e.getMessage());
    }
  }

  /** The SDK's ValidateCertificateDeclarationPayload on its own: SUCCESS or the first failing code. */
  static AttestationResult checkPayload(CertificationDeclaration cd, int vendorId, int productId, VidPid dacIds,
      VidPid paiIds, byte[] paaKeyId) {
    try {
      payload(cd, vendorId, productId, dacIds, paiIds, paaKeyId);
      return SUCCESS;
    } catch (Failure failure) {
      return failure.failed.result();
    }
  }

  /** The SDK's ValidateCertificateDeclarationPayload, in its order. */
  private static void payload(CertificationDeclaration cd, int vendorId, int productId, VidPid dacIds, VidPid paiIds,
      byte[] paaKeyId) throws Failure {
    int dacVendor = dacIds.vendorId().getAsInt();
    int dacProduct = dacIds.productId().getAsInt();
    int paiVendor = paiIds.vendorId().getAsInt();
    OptionalInt paiProduct = paiIds.productId();
    cdVendor(cd.vendorId() == vendorId, "vendor_id " + hex(cd.vendorId()) + " is not the device's " + hex(vendorId));
    cdProduct(cd.productIds().contains(productId), "product_id_array does not contain the device's " + hex(productId));
    if (cd.dacOriginVendorId().isPresent()) {
      int originVendor = cd.dacOriginVendorId().getAsInt();
      int originProduct = cd.dacOriginProductId().getAsInt();
      cdVendor(dacVendor == originVendor, "dac_origin_vendor_id " + hex(originVendor) + " is not the DAC's " + hex(dacVendor));
      cdVendor(paiVendor == originVendor, "dac_origin_vendor_id " + hex(originVendor) + " is not the PAI's " + hex(paiVendor));
      cdProduct(dacProduct == originProduct,
          "dac_origin_product_id " + hex(originProduct) + " is not the DAC's " + hex(dacProduct));
      if (paiProduct.isPresent()) {
        cdProduct(paiProduct.getAsInt() == originProduct,
            "dac_origin_product_id " + hex(originProduct) + " is not the PAI's " + hex(paiProduct));
      }
    } else {
      cdVendor(dacVendor == cd.vendorId(), "vendor_id " + hex(cd.vendorId()) + " is not the DAC's " + hex(dacVendor));
      cdVendor(paiVendor == cd.vendorId(), "vendor_id " + hex(cd.vendorId()) + " is not the PAI's " + hex(paiVendor));
      cdProduct(cd.productIds().contains(dacProduct), "product_id_array does not contain the DAC's " + hex(dacProduct));
      if (paiProduct.isPresent()) {
        cdProduct(cd.productIds().contains(paiProduct.getAsInt()),
            "product_id_array does not contain the PAI's " + hex(paiProduct));
      }
    }
    if (cd.excludesPaa(paaKeyId)) {
      throw new Failure(CERTIFICATION_DECLARATION_INVALID_PAA, AttestationElement.PAA,
          "the PAA is not in the CD's authorized_paa_list");
    }
  }

  private static void cdVendor(boolean ok, String message) throws Failure {
    if (!ok) {
      throw new Failure(CERTIFICATION_DECLARATION_INVALID_VENDOR_ID, AttestationElement.CERTIFICATION_DECLARATION,
          message);
    }
  }

  private static void cdProduct(boolean ok, String message) throws Failure {
    if (!ok) {
      throw new Failure(CERTIFICATION_DECLARATION_INVALID_PRODUCT_ID, AttestationElement.CERTIFICATION_DECLARATION,
          message);
    }
  }

  private void revocation(X509Certificate dac, X509Certificate pai) throws Failure {
    if (revocationSet.isEmpty()) {
      return;
    }
    boolean dacRevoked = revocationSet.get().isRevoked(dac);
    boolean paiRevoked = revocationSet.get().isRevoked(pai);
    if (dacRevoked && paiRevoked) {
      throw new Failure(PAI_AND_DAC_REVOKED, AttestationElement.PAI, "the PAI and the DAC are revoked");
    }
    if (paiRevoked) {
      throw new Failure(PAI_REVOKED, AttestationElement.PAI, "the PAI is revoked (serial "
          + pai.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT) + ")");
    }
    if (dacRevoked) {
      throw new Failure(DAC_REVOKED, AttestationElement.DAC, "the DAC is revoked (serial "
          + dac.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT) + ")");
    }
  }

  private static String hex(OptionalInt id) {
    return id.isPresent() ? hex(id.getAsInt()) : "(none)";
  }

  private static String hex(int id) {
    return String.format(java.util.Locale.ROOT, "0x%04X", id);
  }

  /** Stops the checks at the first failure; never leaves this class. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient AttestationVerification.Failed failed;

    Failure(AttestationResult result, AttestationElement element, String message) {
      super(message, null, false, false);
      this.failed = new AttestationVerification.Failed(result, element, message);
    }
  }

  /** Builds a {@link DeviceAttestationVerifier}. */
  public static final class Builder {
    private PaaTrustStore paaTrustStore;
    private CdSigningKeys cdSigningKeys = CdSigningKeys.none();
    private RevocationSet revocationSet;
    private Clock clock = Clock.systemUTC();
    private boolean mlDsaAuthorities;

    private Builder() {}

    /** The PAAs to trust (required). */
    public Builder paaTrustStore(PaaTrustStore paaTrustStore) {
      this.paaTrustStore = Objects.requireNonNull(paaTrustStore, "paaTrustStore");
      return this;
    }

    /** The keys trusted to sign Certification Declarations; none by default. */
    public Builder cdSigningKeys(CdSigningKeys cdSigningKeys) {
      this.cdSigningKeys = Objects.requireNonNull(cdSigningKeys, "cdSigningKeys");
      return this;
    }

    /** DAC and PAI revocation to check last; without one, revocation is not checked. */
    public Builder revocationSet(RevocationSet revocationSet) {
      this.revocationSet = Objects.requireNonNull(revocationSet, "revocationSet");
      return this;
    }

    /**
     * Accepts PAAs and PAIs with ML-DSA-44 and ML-DSA-65 keys and signatures (the Matter PQC phase
     * 1 chains; the DAC stays P-256, and a PAI may be no stronger than its PAA). Without this, as
     * in a commissioner of an earlier revision, such chains fail with {@code PAI_FORMAT_INVALID}
     * or {@code DAC_FORMAT_INVALID}.
     */
    public Builder acceptMlDsaAttestationAuthorities() {
      this.mlDsaAuthorities = true;
      return this;
    }

    /** The clock for "the DAC is valid now"; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The verifier.
     *
     * @throws IllegalArgumentException without a PAA trust store
     */
    public DeviceAttestationVerifier build() {
      if (paaTrustStore == null) {
        throw new IllegalArgumentException("a DeviceAttestationVerifier needs a paaTrustStore");
      }
      return new DeviceAttestationVerifier(this);
    }
  }
}
