// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.attestation.AttestationFormatException;
import org.iotpki.matter.attestation.PaaTrustStore;

/** The trust stores behind the {@link PaaTrustStore} factories. */
public final class PaaStores {
  private PaaStores() {}

  /** A store over {@code paas}, indexed by subject key identifier. */
  public static PaaTrustStore inMemory(Collection<X509Certificate> paas) {
    Map<String, X509Certificate> bySkid = new LinkedHashMap<>();
    for (X509Certificate paa : paas) {
      bySkid.put(HexFormat.of().formatHex(subjectKeyId(paa)), paa);
    }
    Map<String, X509Certificate> index = Map.copyOf(bySkid);
    return skid -> Optional.ofNullable(index.get(HexFormat.of().formatHex(skid)));
  }

  public static PaaTrustStore directory(Path directory) throws IOException, AttestationFormatException {
    List<X509Certificate> paas = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      try {
        paas.addAll(PkiReader.defaults().readCertificates(file));
      } catch (PkiParseException e) {
        throw new AttestationFormatException(file + ": not a certificate file: " + e.problem(), e);
      }
    }
    return checked(paas);
  }

  public static PaaTrustStore dclExport(String json) throws AttestationFormatException {
    Object document;
    try {
      document = Json.parse(json);
    } catch (PkiParseException e) {
      throw new AttestationFormatException("DCL export is not JSON: " + e.problem(), e.offset());
    }
    List<X509Certificate> paas = new ArrayList<>();
    for (Object entry : entries(document)) {
      Object certs = member(entry, "certs");
      if (!(certs instanceof List<?> list)) {
        throw new AttestationFormatException("DCL export: an approved certificate entry has no \"certs\" array");
      }
      for (Object cert : list) {
        if (Boolean.FALSE.equals(member(cert, "isRoot"))) {
          continue;
        }
        if (!(member(cert, "pemCert") instanceof String pem)) {
          throw new AttestationFormatException("DCL export: a certificate has no \"pemCert\" string");
        }
        try {
          paas.add(PkiReader.defaults().readCertificate(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (PkiParseException e) {
          throw new AttestationFormatException("DCL export: unreadable pemCert: " + e.problem(), e);
        }
      }
    }
    return checked(paas);
  }

  /** The approvedCertificates entries: an object, an array, or an array of such documents. */
  private static List<?> entries(Object document) throws AttestationFormatException {
    if (document instanceof List<?> documents) {
      List<Object> all = new ArrayList<>();
      for (Object each : documents) {
        all.addAll(entries(each));
      }
      return all;
    }
    Object approved = member(document, "approvedCertificates");
    if (approved instanceof List<?> list) {
      return list;
    }
    if (approved instanceof Map<?, ?>) {
      return List.of(approved);
    }
    throw new AttestationFormatException("DCL export: no \"approvedCertificates\" object or array");
  }

  private static Object member(Object object, String name) {
    return object instanceof Map<?, ?> map ? map.get(name) : null;
  }

  private static PaaTrustStore checked(List<X509Certificate> paas) throws AttestationFormatException {
    try {
      return inMemory(paas);
    } catch (IllegalArgumentException e) {
      throw new AttestationFormatException(e.getMessage(), e);
    }
  }

  private static byte[] subjectKeyId(X509Certificate paa) {
    try {
      var keyId = AttestationCertificate.of(paa).subjectKeyId();
      if (keyId.isEmpty() || keyId.get().id().length != 20) {
        throw new IllegalArgumentException(
            "PAA " + paa.getSubjectX500Principal() + " has no 20-byte subjectKeyIdentifier");
      }
      return keyId.get().id();
    } catch (PkiParseException e) {
      throw new IllegalArgumentException("unreadable PAA " + paa.getSubjectX500Principal() + ": " + e.getMessage(), e);
    }
  }
}
