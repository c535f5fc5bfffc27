// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.est;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyFamily;
import org.iotpki.core.crypto.SignatureAlgorithm;

/**
 * What an EST server asks to find in certification requests (RFC 7030 section 4.5, {@code
 * /csrattrs}): bare OIDs (a field it wants, a signature algorithm) and attributes with values (an
 * extension request with the extensions to include, a key type).
 *
 * @param oids the bare OIDs, in order
 * @param attributes the attributes, in order
 */
public record CsrAttributes(List<String> oids, List<Attribute> attributes) {
  /** PKCS#9 challengePassword. */
  public static final String CHALLENGE_PASSWORD = "1.2.840.113549.1.9.7";
  /** PKCS#9 extensionRequest. */
  public static final String EXTENSION_REQUEST = "1.2.840.113549.1.9.14";

  private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
  private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
  private static final int MAX_INPUT_BYTES = 64 * 1024;

  /** One attribute: its type and the DER of each of its values. */
  public record Attribute(String oid, List<byte[]> values) {
    public Attribute {
      Objects.requireNonNull(oid, "oid");
      values = values.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> values() {
      return values.stream().map(byte[]::clone).toList();
    }
  }

  public CsrAttributes {
    oids = List.copyOf(oids);
    attributes = List.copyOf(attributes);
  }

  /** No attributes: what a server without {@code /csrattrs} asks for. */
  public static CsrAttributes none() {
    return new CsrAttributes(List.of(), List.of());
  }

  /**
   * Decodes the DER {@code CsrAttrs} of a {@code /csrattrs} response.
   *
   * @throws PkiParseException if it is not a CsrAttrs
   */
  public static CsrAttributes decode(byte[] der) throws PkiParseException {
    Objects.requireNonNull(der, "der");
    if (der.length > MAX_INPUT_BYTES) {
      throw new PkiParseException("CsrAttrs larger than " + MAX_INPUT_BYTES + " bytes");
    }
    try (ASN1InputStream in = new ASN1InputStream(der)) {
      ASN1Primitive top = in.readObject();
      if (!(top instanceof ASN1Sequence sequence) || in.available() > 0) {
        throw new PkiParseException("CsrAttrs is not one SEQUENCE");
      }
      List<String> oids = new ArrayList<>();
      List<Attribute> attributes = new ArrayList<>();
      for (ASN1Encodable element : sequence) {
        if (element instanceof ASN1ObjectIdentifier oid) {
          oids.add(oid.getId());
        } else if (element instanceof ASN1Sequence attribute
            && attribute.size() == 2
            && attribute.getObjectAt(0) instanceof ASN1ObjectIdentifier type
            && attribute.getObjectAt(1) instanceof ASN1Set values) {
          List<byte[]> encodedValues = new ArrayList<>();
          for (ASN1Encodable value : values) {
            encodedValues.add(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
          }
          if (type.getId().equals(EXTENSION_REQUEST)) {
            checkExtensionRequest(values);
          }
          attributes.add(new Attribute(type.getId(), encodedValues));
        } else {
          throw new PkiParseException("CsrAttrs element is neither an OID nor an Attribute");
        }
      }
      return new CsrAttributes(oids, attributes);
    } catch (IOException | RuntimeException e) {
      throw new PkiParseException("malformed CsrAttrs: " + e.getMessage(), e);
    }
  }

  /** Whether the server wants a challengePassword in the request. */
  public boolean challengePasswordRequested() {
    return oids.contains(CHALLENGE_PASSWORD) || attribute(CHALLENGE_PASSWORD).isPresent();
  }

  /**
   * The extensions the server wants included with their values (RFC 9908 templates). OIDs alone
   * inside an extensionRequest (as in the RFC 7030 example) name extensions without values, which
   * a client cannot fill; see {@link #extensionTypesRequested()}.
   */
  public List<CertificateExtension> requestedExtensions() {
    List<CertificateExtension> result = new ArrayList<>();
    for (byte[] value : attribute(EXTENSION_REQUEST).map(Attribute::values).orElse(List.of())) {
      ASN1Primitive primitive = primitive(value);
      if (primitive instanceof ASN1Sequence) {
        Extensions extensions = Extensions.getInstance(primitive);
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
          Extension extension = extensions.getExtension(oid);
          result.add(
              new CertificateExtension(
                  oid.getId(), extension.isCritical(), extension.getExtnValue().getOctets()));
        }
      }
    }
    return List.copyOf(result);
  }

  /** OIDs of extensions named in an extensionRequest without a value. */
  public List<String> extensionTypesRequested() {
    List<String> result = new ArrayList<>();
    for (byte[] value : attribute(EXTENSION_REQUEST).map(Attribute::values).orElse(List.of())) {
      if (primitive(value) instanceof ASN1ObjectIdentifier oid) {
        result.add(oid.getId());
      }
    }
    return List.copyOf(result);
  }

  /**
   * The key type the server asks for: an EC curve (an id-ecPublicKey attribute with the curve), an
   * RSA size (an rsaEncryption attribute with the modulus bits), or a bare key OID (Ed25519,
   * ML-DSA).
   */
  public Optional<KeyAlgorithm> keyAlgorithm() {
    for (Attribute attribute : attributes) {
      for (byte[] value : attribute.values()) {
        ASN1Primitive primitive = primitive(value);
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
          if (attribute.oid().equals(EC_PUBLIC_KEY)
              && algorithm.family() == KeyFamily.EC
              && primitive instanceof ASN1ObjectIdentifier curve
              && curve.getId().equals(algorithm.oid())) {
            return Optional.of(algorithm);
          }
          if (attribute.oid().equals(RSA_ENCRYPTION)
              && algorithm.family() == KeyFamily.RSA
              && primitive instanceof ASN1Integer bits
              && bits.hasValue(algorithm.bits())) {
            return Optional.of(algorithm);
          }
        }
      }
    }
    for (String oid : oids) {
      for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
        boolean namedByOid = algorithm.family() != KeyFamily.EC && algorithm.family() != KeyFamily.RSA;
        if (namedByOid && algorithm.oid().equals(oid)) {
          return Optional.of(algorithm);
        }
      }
    }
    return Optional.empty();
  }

  /** The signature algorithm the server asks for, named by a bare OID. */
  public Optional<SignatureAlgorithm> signatureAlgorithm() {
    return oids.stream()
        .map(SignatureAlgorithm::fromOid)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The first attribute of a type. */
  public Optional<Attribute> attribute(String oid) {
    return attributes.stream().filter(a -> a.oid().equals(oid)).findFirst();
  }

  /** Each value is an OID (RFC 7030's example) or an Extensions (RFC 9908), parsed here once. */
  private static void checkExtensionRequest(ASN1Set values) throws PkiParseException {
    for (ASN1Encodable value : values) {
      if (value instanceof ASN1Sequence) {
        Extensions.getInstance(value);
      } else if (!(value instanceof ASN1ObjectIdentifier)) {
        throw new PkiParseException("extensionRequest value is neither Extensions nor an OID");
      }
    }
  }

  private static ASN1Primitive primitive(byte[] der) {
    try {
      return ASN1Primitive.fromByteArray(der);
    } catch (IOException e) {
      throw new IllegalStateException("a value decode() already parsed", e);
    }
  }
}
