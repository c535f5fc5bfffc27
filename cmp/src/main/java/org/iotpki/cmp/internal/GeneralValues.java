// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cmp.internal;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cmp.CertReqTemplateContent;
import org.bouncycastle.asn1.crmf.AttributeTypeAndValue;
import org.bouncycastle.asn1.crmf.CertTemplate;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.iotpki.cmp.CertificateRequestTemplate;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyFamily;
import org.iotpki.core.internal.Asn1;
import org.iotpki.core.validation.SignatureVerifier;

/** Reads the typed values of genp answers (RFC 9483 section 4.3). */
public final class GeneralValues {
  /** id-regCtrl-algId (RFC 9483 section 4.3.3): the key's AlgorithmIdentifier. */
  private static final String ALGORITHM_ID = "1.3.6.1.5.5.7.5.1.11";
  /** id-regCtrl-rsaKeyLen (RFC 9483 section 4.3.3): an RSA key's length in bits. */
  private static final String RSA_KEY_LENGTH = "1.3.6.1.5.5.7.5.1.12";
  private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";

  private GeneralValues() {}

  /**
   * A certReqTemplate value.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static CertificateRequestTemplate template(byte[] der) {
    CertReqTemplateContent content = CertReqTemplateContent.getInstance(der);
    CertTemplate template = content.getCertTemplate();
    Optional<X500Principal> subject = template.getSubject() == null
        || template.getSubject().getRDNs().length == 0
        ? Optional.empty() : Optional.of(new X500Principal(Asn1.der(template.getSubject())));
    List<CertificateExtension> extensions = new ArrayList<>();
    Extensions fixed = template.getExtensions();
    if (fixed != null) {
      for (ASN1ObjectIdentifier oid : fixed.getExtensionOIDs()) {
        Extension extension = fixed.getExtension(oid);
        extensions.add(new CertificateExtension(oid.getId(), extension.isCritical(),
            extension.getExtnValue().getOctets()));
      }
    }
    ASN1Sequence keySpec = content.getKeySpec();
    List<KeyAlgorithm> keys = new ArrayList<>();
    int specifications = keySpec == null ? 0 : keySpec.size();
    for (int i = 0; i < specifications; i++) {
      keyAlgorithm(AttributeTypeAndValue.getInstance(keySpec.getObjectAt(i))).ifPresent(keys::add);
    }
    return new CertificateRequestTemplate(subject, extensions, keys.stream().findFirst(),
        specifications);
  }

  private static Optional<KeyAlgorithm> keyAlgorithm(AttributeTypeAndValue specification) {
    String type = specification.getType().getId();
    ASN1Encodable value = specification.getValue();
    if (type.equals(RSA_KEY_LENGTH)) {
      int bits = ASN1Integer.getInstance(value).intValueExact();
      return Arrays.stream(KeyAlgorithm.values())
          .filter(k -> k.family() == KeyFamily.RSA && k.bits() == bits).findFirst();
    }
    if (!type.equals(ALGORITHM_ID)) {
      return Optional.empty();
    }
    AlgorithmIdentifier algorithm = AlgorithmIdentifier.getInstance(value);
    String oid = algorithm.getAlgorithm().getId();
    boolean ec = oid.equals(EC_PUBLIC_KEY);
    String wanted = ec ? ASN1ObjectIdentifier.getInstance(algorithm.getParameters()).getId() : oid;
    return Arrays.stream(KeyAlgorithm.values())
        .filter(k -> (k.family() == KeyFamily.EC) == ec && k.family() != KeyFamily.RSA)
        .filter(k -> k.oid().equals(wanted)).findFirst();
  }

  /**
   * Why a root CA key update is not to be trusted, or null when {@code newWithOld} verifies with
   * the current root's key and carries the key and subject of {@code newWithNew}, which verifies
   * itself.
   */
  public static String rootUpdateProblem(X509Certificate currentRoot, X509Certificate newWithNew,
      X509Certificate newWithOld) {
    SignatureVerifier verifier = SignatureVerifier.bouncyCastle();
    if (!verifier.verify(newWithOld, currentRoot.getPublicKey()).isValid()) {
      return "newWithOld is not signed by the current root's key";
    }
    if (!newWithOld.getPublicKey().equals(newWithNew.getPublicKey())
        || !newWithOld.getSubjectX500Principal().equals(newWithNew.getSubjectX500Principal())) {
      return "newWithOld does not certify newWithNew's key and subject";
    }
    if (!verifier.verify(newWithNew, newWithNew.getPublicKey()).isValid()) {
      return "newWithNew is not self-signed";
    }
    return null;
  }
}
