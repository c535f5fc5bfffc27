// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connectedhomeip test certificates under {@code vectors/connectedhomeip/} (see the README
 * there): TLV as the C array text of CHIPCert_test_vectors.cpp, DER as that text or as the PEM from
 * the same file.
 */
public final class ChipVectors {
  /** Every certificate with both forms. */
  public static final List<String> CERTIFICATES = List.of(
      "Root01", "Root02", "Root03", "ICA01", "ICA02",
      "Node01_01", "Node01_02", "Node02_01", "Node02_02", "Node02_03", "Node02_04", "Node02_05", "Node02_06", "PDCID01");

  private static final Pattern HEX_BYTE = Pattern.compile("0x([0-9a-fA-F]{2})");

  private ChipVectors() {}

  public static byte[] tlv(String name) {
    return hex(name + ".tlv.hex");
  }

  public static byte[] der(String name) {
    String pem = text(name + ".pem");
    if (pem == null) {
      return hex(name + ".der.hex");
    }
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  /** The bytes of a {@code .hex} vector file. */
  public static byte[] hex(String resource) {
    String text = text(resource);
    if (text == null) {
      throw new IllegalArgumentException("no vector " + resource);
    }
    Matcher matcher = HEX_BYTE.matcher(text);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    while (matcher.find()) {
      out.write(Integer.parseInt(matcher.group(1), 16));
    }
    return out.toByteArray();
  }

  private static String text(String resource) {
    try (InputStream in = ChipVectors.class.getResourceAsStream("/vectors/connectedhomeip/" + resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
