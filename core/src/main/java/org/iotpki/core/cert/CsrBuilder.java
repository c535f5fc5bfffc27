// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.cert.c509.C509CertificationRequestBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.c509.C509CertificationRequest;
import org.iotpki.core.c509.C509FormatException;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.internal.GeneralNames;
import org.iotpki.core.internal.SignerAdapter;

/**
 * Builds and signs PKCS#10 certification requests (RFC 2986) for the signer's key.
 *
 * <pre>{@code
 * CertificationRequest csr = CsrBuilder.create()
 *     .subject("CN=sensor-0042")
 *     .subjectAltNames(GeneralName.uri(URI.create("urn:dev:ops:acme-sensor-0042")))
 *     .sign(Signer.of(deviceKeyPair));
 * }</pre>
 */
public final class CsrBuilder {
  private X500Principal subject;
  private final List<GeneralName> subjectAltNames = new ArrayList<>();
  private final List<CertificateExtension> extensions = new ArrayList<>();
  private char[] challengePassword;

  private CsrBuilder() {}

  /** A new builder. */
  public static CsrBuilder create() {
    return new CsrBuilder();
  }

  /** The subject to request. Required (it may be empty only with subjectAltNames). */
  public CsrBuilder subject(X500Principal subject) {
    this.subject = Objects.requireNonNull(subject, "subject");
    return this;
  }

  /** The subject as an RFC 2253 string. */
  public CsrBuilder subject(String rfc2253) {
    return subject(new X500Principal(Objects.requireNonNull(rfc2253, "subject")));
  }

  /** Requests subjectAltName entries. */
  public CsrBuilder subjectAltNames(GeneralName... names) {
    subjectAltNames.addAll(Arrays.asList(names));
    return this;
  }

  /** Requests an extension. */
  public CsrBuilder extension(CertificateExtension extension) {
    extensions.add(Objects.requireNonNull(extension, "extension"));
    return this;
  }

  /** A PKCS#9 challengePassword attribute, as SCEP and some EST servers require. */
  public CsrBuilder challengePassword(char[] password) {
    Objects.requireNonNull(password, "password");
    if (password.length == 0) {
      throw new IllegalArgumentException("empty challengePassword");
    }
    this.challengePassword = password.clone();
    return this;
  }

  /**
   * Signs a request for the signer's public key.
   *
   * @throws IllegalArgumentException if the request is incomplete
   * @throws GeneralSecurityException if the signer fails
   */
  public CertificationRequest sign(Signer signer) throws GeneralSecurityException {
    check(signer);
    var builder =
        new PKCS10CertificationRequestBuilder(
            X500Name.getInstance(subject.getEncoded()),
            SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded()));
    try {
      ExtensionsGenerator requested = requestedExtensions();
      if (!requested.isEmpty()) {
        builder.addAttribute(
            PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, requested.generate());
      }
      if (challengePassword != null) {
        builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, password());
      }
      return CertificationRequest.decode(builder.build(new SignerAdapter(signer)).getEncoded());
    } catch (RuntimeOperatorException e) {
      throw SignerAdapter.signingFailure(e);
    } catch (java.io.IOException | PkiParseException e) {
      throw new IllegalStateException("iotpki built a request it cannot encode", e);
    }
  }

  /**
   * Signs a natively signed C509 request (type 2, draft-ietf-cose-cbor-encoded-cert-20 section 4)
   * with the same fields as {@link #sign(Signer)}, for constrained devices that speak CBOR.
   *
   * @throws IllegalArgumentException if the request is incomplete or has a field C509 cannot carry
   * @throws GeneralSecurityException if the signer fails
   */
  public C509CertificationRequest signC509(Signer signer) throws GeneralSecurityException {
    check(signer);
    var builder =
        new C509CertificationRequestBuilder(
            X500Name.getInstance(subject.getEncoded()),
            SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded()));
    try {
      ExtensionsGenerator requested = requestedExtensions();
      if (!requested.isEmpty()) {
        builder.setExtensionRequest(requested.generate());
      }
      if (challengePassword != null) {
        builder.setChallengePassword(new String(challengePassword));
      }
      return C509CertificationRequest.decode(builder.build(new SignerAdapter(signer)).getEncoded());
    } catch (RuntimeOperatorException e) {
      throw SignerAdapter.signingFailure(e);
    } catch (C509FormatException e) {
      throw new IllegalStateException("iotpki built a C509 request it cannot decode", e);
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException("C509 cannot carry this request: " + e.getMessage(), e);
    }
  }

  private void check(Signer signer) {
    Objects.requireNonNull(signer, "signer");
    if (subject == null) {
      throw new IllegalArgumentException("missing subject");
    }
    if (subject.getEncoded().length <= 2 && subjectAltNames.isEmpty()) {
      throw new IllegalArgumentException("an empty subject needs subjectAltNames");
    }
  }

  private ExtensionsGenerator requestedExtensions() throws java.io.IOException {
    ExtensionsGenerator generator = new ExtensionsGenerator();
    Set<String> seen = new LinkedHashSet<>();
    if (!subjectAltNames.isEmpty()) {
      seen.add(Extension.subjectAlternativeName.getId());
      generator.addExtension(
          Extension.subjectAlternativeName,
          subject.getEncoded().length <= 2,
          GeneralNames.toBc(subjectAltNames));
    }
    for (CertificateExtension extension : extensions) {
      if (!seen.add(extension.oid())) {
        throw new IllegalArgumentException("extension " + extension.oid() + " is requested twice");
      }
      generator.addExtension(
          new ASN1ObjectIdentifier(extension.oid()), extension.critical(), extension.value());
    }
    return generator;
  }

  private ASN1Encodable password() {
    String text = new String(challengePassword);
    return DERPrintableString.isPrintableString(text)
        ? new DERPrintableString(text)
        : new DERUTF8String(text);
  }
}
