// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.CertificationRequest;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.internal.Certificates;
import org.iotpki.core.internal.Der;
import org.iotpki.core.internal.DerKind;
import org.iotpki.core.internal.EncryptedKeys;
import org.iotpki.core.internal.Keys;
import org.iotpki.core.internal.PemBlock;
import org.iotpki.core.internal.PemTokenizer;

/**
 * Reads certificates, chains, CRLs, CSRs, private and public keys from PEM or DER, detecting
 * which.
 *
 * <p>Input is untrusted: it is size-limited before it is read, every DER length is checked before
 * anything is allocated for it, and every problem is reported as a {@link PkiParseException},
 * never as a runtime exception. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * List<X509Certificate> chain = PkiReader.defaults().readCertificates(Path.of("chain.pem"));
 * PrivateKey key = PkiReader.defaults().readPrivateKey(Path.of("device.key"));
 * }</pre>
 *
 * <p>PEM follows RFC 7468 (text around blocks is ignored; {@code EC PARAMETERS} blocks, which
 * OpenSSL writes before SEC1 keys, are skipped). DER input may hold several concatenated elements.
 * Private keys are read from PKCS#8, encrypted PKCS#8 (PBES2/PBKDF2), SEC1 and PKCS#1.
 */
public final class PkiReader {
  /** Default largest input: 16 MiB, room for a CRL of a large fleet. */
  public static final int DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024;
  /** Default largest number of objects in one input. */
  public static final int DEFAULT_MAX_OBJECTS = 10_000;
  /** Default largest PBKDF2 iteration count of an encrypted key. */
  public static final int DEFAULT_MAX_PBKDF2_ITERATIONS = 10_000_000;

  private static final PkiReader DEFAULTS = builder().build();

  private final int maxInputBytes;
  private final int maxObjects;
  private final int maxPbkdf2Iterations;
  private final ProviderStrategy providers;

  private PkiReader(Builder builder) {
    this.maxInputBytes = builder.maxInputBytes;
    this.maxObjects = builder.maxObjects;
    this.maxPbkdf2Iterations = builder.maxPbkdf2Iterations;
    this.providers = builder.providers;
  }

  /** A reader with the default limits, making keys with {@link ProviderStrategy#defaults()}. */
  public static PkiReader defaults() {
    return DEFAULTS;
  }

  /** A builder for a reader with other limits or providers. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every object in {@code input}, in order; at least one. */
  public List<PkiObject> read(byte[] input) throws PkiParseException {
    Objects.requireNonNull(input, "input");
    if (input.length > maxInputBytes) {
      throw new PkiParseException(
          "input of " + input.length + " bytes exceeds the limit of " + maxInputBytes + " bytes");
    }
    if (input.length == 0) {
      throw new PkiParseException("empty input");
    }
    List<PkiObject> objects = new ArrayList<>();
    List<byte[]> derElements = input[0] == 0x30 ? derElementsOrNull(input) : null;
    if (derElements != null) {
      for (byte[] element : derElements) {
        objects.add(decodeDer(element, 0));
      }
    } else if (PemTokenizer.looksLikePem(input)) {
      for (PemBlock block : PemTokenizer.blocks(input, maxObjects)) {
        decodePem(block, objects);
      }
      if (objects.isEmpty()) {
        throw new PkiParseException("PEM input holds no certificate, CRL, request or key");
      }
    } else {
      throw new PkiParseException("input is neither PEM nor DER");
    }
    return Collections.unmodifiableList(objects);
  }

  /** Every object in a file; the file's size is checked against the limit before it is read. */
  public List<PkiObject> read(Path file) throws IOException, PkiParseException {
    return read(load(file));
  }

  /** The one certificate in {@code input}. */
  public X509Certificate readCertificate(byte[] input) throws PkiParseException {
    return only(readCertificates(input), "certificate");
  }

  /** The one certificate in a file. */
  public X509Certificate readCertificate(Path file) throws IOException, PkiParseException {
    return readCertificate(load(file));
  }

  /** The certificates in {@code input}, in order (a chain, leaf first by convention). */
  public List<X509Certificate> readCertificates(byte[] input) throws PkiParseException {
    return all(read(input), PkiObject.CertificateObject.class, "certificates").stream()
        .map(PkiObject.CertificateObject::certificate)
        .collect(Collectors.toUnmodifiableList());
  }

  /** The certificates in a file, in order. */
  public List<X509Certificate> readCertificates(Path file) throws IOException, PkiParseException {
    return readCertificates(load(file));
  }

  /** The one CRL in {@code input}. */
  public X509CRL readCrl(byte[] input) throws PkiParseException {
    return only(all(read(input), PkiObject.CrlObject.class, "CRL"), "CRL").crl();
  }

  /** The one CRL in a file. */
  public X509CRL readCrl(Path file) throws IOException, PkiParseException {
    return readCrl(load(file));
  }

  /** The one certification request in {@code input}. */
  public CertificationRequest readCertificationRequest(byte[] input) throws PkiParseException {
    return only(all(read(input), PkiObject.CsrObject.class, "certification request"),
            "certification request")
        .request();
  }

  /** The one certification request in a file. */
  public CertificationRequest readCertificationRequest(Path file)
      throws IOException, PkiParseException {
    return readCertificationRequest(load(file));
  }

  /** The one public key in {@code input}. */
  public PublicKey readPublicKey(byte[] input) throws PkiParseException {
    return only(all(read(input), PkiObject.PublicKeyObject.class, "public key"), "public key").key();
  }

  /** The one public key in a file. */
  public PublicKey readPublicKey(Path file) throws IOException, PkiParseException {
    return readPublicKey(load(file));
  }

  /**
   * The one unencrypted private key in {@code input}.
   *
   * @throws PkiParseException also if the key is encrypted: use {@link #readPrivateKey(byte[],
   *     char[])}
   */
  public PrivateKey readPrivateKey(byte[] input) throws PkiParseException {
    return readPrivateKey(input, null);
  }

  /** The one unencrypted private key in a file. */
  public PrivateKey readPrivateKey(Path file) throws IOException, PkiParseException {
    return readPrivateKey(load(file), null);
  }

  /**
   * The one private key in {@code input}, decrypted with {@code password} if it is encrypted.
   *
   * @param password the password of an encrypted key, or {@code null} for unencrypted keys only
   */
  public PrivateKey readPrivateKey(byte[] input, char[] password) throws PkiParseException {
    List<PkiObject> objects = read(input);
    if (objects.size() == 1 && objects.get(0) instanceof PkiObject.EncryptedPrivateKeyObject) {
      if (password == null) {
        throw new PkiParseException("the private key is encrypted; a password is needed");
      }
      return decryptPrivateKey((PkiObject.EncryptedPrivateKeyObject) objects.get(0), password);
    }
    return only(all(objects, PkiObject.PrivateKeyObject.class, "private key"), "private key").key();
  }

  /** The one private key in a file, decrypted with {@code password} if it is encrypted. */
  public PrivateKey readPrivateKey(Path file, char[] password)
      throws IOException, PkiParseException {
    return readPrivateKey(load(file), password);
  }

  /** Decrypts an encrypted PKCS#8 key found by {@link #read(byte[])}. */
  public PrivateKey decryptPrivateKey(PkiObject.EncryptedPrivateKeyObject key, char[] password)
      throws PkiParseException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(password, "password");
    PrivateKeyInfo info = EncryptedKeys.decrypt(key.encrypted(), password, maxPbkdf2Iterations, 0);
    return Keys.privateKey(info, providers, 0);
  }

  private byte[] load(Path file) throws IOException, PkiParseException {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxInputBytes + 1);
      if (bytes.length > maxInputBytes) {
        throw new PkiParseException(
            file + " exceeds the limit of " + maxInputBytes + " bytes", maxInputBytes);
      }
      return bytes;
    }
  }

  /**
   * The DER elements of input that starts like DER; {@code null} if it is PEM text that happens to
   * start with '0'. Malformed DER that is not PEM is reported with its structural problem.
   */
  private List<byte[]> derElementsOrNull(byte[] input) throws PkiParseException {
    try {
      return Der.splitElements(input, maxObjects, 0);
    } catch (PkiParseException notDer) {
      if (PemTokenizer.looksLikePem(input)) {
        return null;
      }
      throw notDer;
    }
  }

  private void decodePem(PemBlock block, List<PkiObject> objects) throws PkiParseException {
    DerKind expected;
    switch (block.label()) {
      case "CERTIFICATE":
      case "X509 CERTIFICATE":
        expected = DerKind.CERTIFICATE;
        break;
      case "X509 CRL":
        expected = DerKind.CRL;
        break;
      case "CERTIFICATE REQUEST":
      case "NEW CERTIFICATE REQUEST":
        expected = DerKind.CERTIFICATION_REQUEST;
        break;
      case "PRIVATE KEY":
        expected = DerKind.PRIVATE_KEY_INFO;
        break;
      case "ENCRYPTED PRIVATE KEY":
        expected = DerKind.ENCRYPTED_PRIVATE_KEY_INFO;
        break;
      case "EC PRIVATE KEY":
        expected = DerKind.SEC1_EC_PRIVATE_KEY;
        break;
      case "RSA PRIVATE KEY":
        expected = DerKind.PKCS1_RSA_PRIVATE_KEY;
        break;
      case "PUBLIC KEY":
        expected = DerKind.SUBJECT_PUBLIC_KEY_INFO;
        break;
      case "EC PARAMETERS":
        return; // OpenSSL writes the curve before a SEC1 key; the key names it again.
      default:
        throw new PkiParseException("unsupported PEM label " + block.label(), block.offset());
    }
    Der.splitElements(block.der(), 1, block.offset()); // exactly one well-formed element
    objects.add(decode(block.der(), expected, block.offset()));
  }

  private PkiObject decodeDer(byte[] der, long offset) throws PkiParseException {
    DerKind kind = DerKind.of(parse(der, offset));
    if (kind == DerKind.UNKNOWN) {
      throw new PkiParseException(
          "DER is not a certificate, CRL, certification request or key", offset);
    }
    return decode(der, kind, offset);
  }

  private PkiObject decode(byte[] der, DerKind kind, long offset) throws PkiParseException {
    switch (kind) {
      case CERTIFICATE:
        return new PkiObject.CertificateObject(Certificates.certificate(der, offset));
      case CRL:
        return new PkiObject.CrlObject(Certificates.crl(der, offset));
      case CERTIFICATION_REQUEST:
        return new PkiObject.CsrObject(CertificationRequest.decode(der, providers));
      case SUBJECT_PUBLIC_KEY_INFO:
        return new PkiObject.PublicKeyObject(Keys.publicKey(der, providers, offset));
      case ENCRYPTED_PRIVATE_KEY_INFO:
        return new PkiObject.EncryptedPrivateKeyObject(der);
      case PRIVATE_KEY_INFO:
        return privateKey(privateKeyInfo(der, offset), PkiObject.PrivateKeyFormat.PKCS8, offset);
      case SEC1_EC_PRIVATE_KEY:
        return privateKey(
            Keys.fromSec1(parse(der, offset), offset), PkiObject.PrivateKeyFormat.SEC1, offset);
      case PKCS1_RSA_PRIVATE_KEY:
        return privateKey(
            Keys.fromPkcs1(parse(der, offset), offset), PkiObject.PrivateKeyFormat.PKCS1, offset);
      default:
        throw new AssertionError(kind);
    }
  }

  private PkiObject privateKey(PrivateKeyInfo info, PkiObject.PrivateKeyFormat format, long offset)
      throws PkiParseException {
    return new PkiObject.PrivateKeyObject(Keys.privateKey(info, providers, offset), format);
  }

  private static PrivateKeyInfo privateKeyInfo(byte[] der, long offset) throws PkiParseException {
    try {
      return PrivateKeyInfo.getInstance(der);
    } catch (RuntimeException e) {
      throw new PkiParseException("malformed PKCS#8 private key", offset, e);
    }
  }

  private static ASN1Primitive parse(byte[] der, long offset) throws PkiParseException {
    try {
      return ASN1Primitive.fromByteArray(der);
    } catch (IOException | RuntimeException e) {
      throw new PkiParseException("malformed DER: " + e.getMessage(), offset, e);
    }
  }

  private static <T extends PkiObject> List<T> all(
      List<PkiObject> objects, Class<T> type, String wanted) throws PkiParseException {
    List<T> matching = new ArrayList<>();
    for (PkiObject object : objects) {
      if (!type.isInstance(object)) {
        throw new PkiParseException(
            "expected " + wanted + " only, found " + describe(objects));
      }
      matching.add(type.cast(object));
    }
    return matching;
  }

  private static <T> T only(List<T> items, String wanted) throws PkiParseException {
    if (items.size() != 1) {
      throw new PkiParseException("expected one " + wanted + ", found " + items.size());
    }
    return items.get(0);
  }

  private static String describe(List<PkiObject> objects) {
    return objects.stream().map(PkiObject::kind).collect(Collectors.joining(", "));
  }

  /** Limits and providers of a {@link PkiReader}. */
  public static final class Builder {
    private int maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
    private int maxObjects = DEFAULT_MAX_OBJECTS;
    private int maxPbkdf2Iterations = DEFAULT_MAX_PBKDF2_ITERATIONS;
    private ProviderStrategy providers = ProviderStrategy.defaults();

    private Builder() {}

    /** The largest input accepted, in bytes. */
    public Builder maxInputBytes(int maxInputBytes) {
      this.maxInputBytes = positive(maxInputBytes, "maxInputBytes");
      return this;
    }

    /** The most objects (PEM blocks or DER elements) accepted in one input. */
    public Builder maxObjects(int maxObjects) {
      this.maxObjects = positive(maxObjects, "maxObjects");
      return this;
    }

    /** The largest PBKDF2 iteration count accepted when decrypting a key. */
    public Builder maxPbkdf2Iterations(int maxPbkdf2Iterations) {
      this.maxPbkdf2Iterations = positive(maxPbkdf2Iterations, "maxPbkdf2Iterations");
      return this;
    }

    /** Where key objects are made (default {@link ProviderStrategy#defaults()}). */
    public Builder providers(ProviderStrategy providers) {
      this.providers = Objects.requireNonNull(providers, "providers");
      return this;
    }

    /** The reader. */
    public PkiReader build() {
      return new PkiReader(this);
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
