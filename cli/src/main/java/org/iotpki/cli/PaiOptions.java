// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.issuance.MatterCa;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --pai-cert F (--pai-key F | --key PKCS11-URI) --vid V --pid P}: the PAI that issues DACs,
 * its key in a file or in a PKCS#11 token, and for which product.
 */
final class PaiOptions {
  @Option(names = "--pai-cert", required = true, paramLabel = "FILE", description = "The PAI certificate.")
  Path certificate;

  @Option(names = "--pai-key", paramLabel = "FILE", description = "The PAI private key file.")
  Path key;

  @Mixin Pkcs11KeyOptions tokenKey;

  @Option(names = "--vid", required = true, paramLabel = "N", converter = NumberConverter.class, description = "Vendor id (e.g. 0xFFF1).")
  long vendorId;

  @Option(names = "--pid", required = true, paramLabel = "N", converter = NumberConverter.class, description = "Product id (e.g. 0x8000).")
  long productId;

  /**
   * The PAI with its key.
   *
   * @throws IllegalArgumentException if not exactly one key is named, the key is not the
   *     certificate's, it is no P-256 CA, or the token or its key cannot be used
   */
  MatterCa pai() throws IOException, PkiParseException {
    if ((key == null) == !tokenKey.given()) {
      throw new IllegalArgumentException("name the PAI key with --pai-key FILE or --key PKCS11-URI");
    }
    PkiReader reader = PkiReader.defaults();
    X509Certificate pai = reader.readCertificate(certificate);
    return key != null ? MatterCa.of(pai, reader.readPrivateKey(key)) : tokenKey.matterCa(pai);
  }

  /** @throws IllegalArgumentException if --vid is not 16 bits */
  int vendorId() {
    return MatterIds.required(vendorId, "--vid");
  }

  /** @throws IllegalArgumentException if --pid is not 16 bits */
  int productId() {
    return MatterIds.required(productId, "--pid");
  }
}
