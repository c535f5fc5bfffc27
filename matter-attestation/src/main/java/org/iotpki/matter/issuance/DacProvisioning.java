// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.issuance;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.io.PemEncoder;

/**
 * What one device is provisioned with for Matter device attestation: its DAC, the DAC's private
 * key when the factory generated it, the PAI, and optionally a signed Certification Declaration.
 *
 * <p>{@link #writeTo} lays the files out as connectedhomeip's development credentials do
 * ({@code credentials/development/commissioner_dut/*}): {@code dac-Cert.der}/{@code .pem}, {@code
 * dac-Key.der}/{@code .pem}, {@code pai-Cert.der}/{@code .pem}, {@code cd.der}, and the JSON those
 * folders carry, which the Linux example apps load with {@code --dac_provider FILE} (hex fields
 * {@code dac_cert}, {@code pai_cert}, {@code certification_declaration}, the raw 32-byte {@code
 * dac_private_key} and 65-byte {@code dac_public_key}). Keys are PKCS#8, which the SDK's factory
 * data scripts read as well as SEC1.
 *
 * @param dac the Device Attestation Certificate
 * @param dacKey the DAC's private key, absent when the device generated its own key
 * @param pai the PAI that issued the DAC
 * @param certificationDeclaration the DER of a signed CD, if the device is to carry one
 */
public record DacProvisioning(
    X509Certificate dac, Optional<PrivateKey> dacKey, X509Certificate pai, Optional<byte[]> certificationDeclaration) {
  /** The JSON file name, as in the SDK's commissioner_dut folders. */
  public static final String DAC_PROVIDER_JSON = "test_case_vector.json";
  private static final int P256_FIELD_BYTES = 32;

  /**
   * @throws IllegalArgumentException if the DAC's key is not P-256, the private key is not the DAC's
   *     or cannot be exported (a hardware key), or the DAC is not the PAI's
   */
  public DacProvisioning {
    Objects.requireNonNull(dac, "dac");
    Objects.requireNonNull(dacKey, "dacKey");
    Objects.requireNonNull(pai, "pai");
    certificationDeclaration = certificationDeclaration.map(byte[]::clone);
    MatterCa.requireP256(dac.getPublicKey(), "a DAC key");
    dacKey.ifPresent(key -> {
      if (!(key instanceof ECPrivateKey)) {
        throw new IllegalArgumentException("the DAC key is not an extractable EC key (" + key.getClass().getName() + ")");
      }
      Signer.forCertificate(dac, key);
    });
    if (!dac.getIssuerX500Principal().equals(pai.getSubjectX500Principal())) {
      throw new IllegalArgumentException("the DAC was not issued by this PAI");
    }
  }

  /** A device's credential from a production run, with its PAI and no CD. */
  public static DacProvisioning of(DacCredential credential, X509Certificate pai) {
    return new DacProvisioning(credential.dac(), Optional.of(credential.privateKey()), pai, Optional.empty());
  }

  /** The same files with a signed Certification Declaration. */
  public DacProvisioning withCertificationDeclaration(byte[] signedCd) {
    return new DacProvisioning(dac, dacKey, pai, Optional.of(signedCd));
  }

  /** A copy of the signed CD, if there is one. */
  @Override
  public Optional<byte[]> certificationDeclaration() {
    return certificationDeclaration.map(byte[]::clone);
  }

  /**
   * Writes the files into {@code directory}, all or nothing: they are written and synced into a
   * staging directory beside it, which is then renamed. Key files are readable by their owner only
   * (on POSIX file systems).
   *
   * @return the files written
   * @throws FileAlreadyExistsException if {@code directory} exists: a device's files are never
   *     overwritten
   * @throws IOException if writing fails (the staging directory is removed)
   */
  public List<Path> writeTo(Path directory) throws IOException {
    Path target = directory.toAbsolutePath();
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "a device's provisioning files are never overwritten");
    }
    Path parent = Files.createDirectories(target.getParent());
    Path staging = parent.resolve("." + target.getFileName() + ".partial-" + UUID.randomUUID());
    Files.createDirectory(staging);
    try {
      Map<String, byte[]> files = files();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        write(staging.resolve(file.getKey()), file.getValue(), file.getKey().startsWith("dac-Key"));
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(parent);
      List<Path> written = new ArrayList<>();
      files.keySet().forEach(name -> written.add(target.resolve(name)));
      return written;
    } finally {
      if (Files.exists(staging)) {
        try (var leftovers = Files.list(staging)) {
          for (Path leftover : leftovers.toList()) {
            Files.delete(leftover);
          }
        }
        Files.delete(staging);
      }
    }
  }

  private Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    byte[] dacDer = der(dac);
    byte[] paiDer = der(pai);
    files.put("dac-Cert.der", dacDer);
    files.put("dac-Cert.pem", ascii(PemEncoder.certificate(dac)));
    dacKey.ifPresent(key -> {
      files.put("dac-Key.der", key.getEncoded());
      files.put("dac-Key.pem", ascii(PemEncoder.privateKey(key)));
    });
    files.put("pai-Cert.der", paiDer);
    files.put("pai-Cert.pem", ascii(PemEncoder.certificate(pai)));
    certificationDeclaration.ifPresent(cd -> files.put("cd.der", cd));
    files.put(DAC_PROVIDER_JSON, dacProviderJson(dacDer, paiDer).getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** The SDK's test-vector JSON; without a private key it still names the certificates and CD. */
  private String dacProviderJson(byte[] dacDer, byte[] paiDer) {
    HexFormat hex = HexFormat.of();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("description", "iotpki DAC provisioning: " + dac.getSubjectX500Principal().getName());
    fields.put("dac_cert", hex.formatHex(dacDer));
    fields.put("pai_cert", hex.formatHex(paiDer));
    certificationDeclaration.ifPresent(cd -> fields.put("certification_declaration", hex.formatHex(cd)));
    dacKey.ifPresent(key -> fields.put("dac_private_key", hex.formatHex(rawPrivateKey(key))));
    fields.put("dac_public_key", hex.formatHex(rawPublicKey((ECPublicKey) dac.getPublicKey())));
    StringBuilder json = new StringBuilder("{\n");
    fields.forEach((name, value) -> json.append("  \"").append(name).append("\": \"").append(escape(value)).append("\",\n"));
    json.setLength(json.length() - 2);
    return json.append("\n}\n").toString();
  }

  private static byte[] rawPrivateKey(PrivateKey key) {
    return unsigned(((ECPrivateKey) key).getS());
  }

  /** The uncompressed point 04 || x || y. */
  private static byte[] rawPublicKey(ECPublicKey key) {
    ByteBuffer point = ByteBuffer.allocate(1 + 2 * P256_FIELD_BYTES);
    point.put((byte) 0x04).put(unsigned(key.getW().getAffineX())).put(unsigned(key.getW().getAffineY()));
    return point.array();
  }

  /** A field element as exactly 32 big-endian bytes. */
  private static byte[] unsigned(BigInteger value) {
    byte[] twosComplement = value.toByteArray();
    byte[] fixed = new byte[P256_FIELD_BYTES];
    int length = Math.min(twosComplement.length, P256_FIELD_BYTES);
    System.arraycopy(twosComplement, twosComplement.length - length, fixed, P256_FIELD_BYTES - length, length);
    return fixed;
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        escaped.append('\\').append(c);
      } else if (c < 0x20) {
        escaped.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static void write(Path file, byte[] content, boolean ownerOnly) throws IOException {
    List<FileAttribute<?>> attributes = new ArrayList<>();
    if (ownerOnly && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      attributes.add(PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    try (FileChannel channel = FileChannel.open(file,
        java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes.toArray(FileAttribute[]::new))) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException notSupported) {
      // Some platforms (Windows) cannot open a directory; the rename is then as durable as they make it.
    }
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate has no encoding", e);
    }
  }

  private static byte[] ascii(String pem) {
    return pem.getBytes(StandardCharsets.US_ASCII);
  }
}
