package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.matter.issuance.MatterCa;
import picocli.CommandLine.Option;

/** {@code --pai-cert F --pai-key F --vid V --pid P}: the PAI that issues DACs, and for which product. */
final class PaiOptions {
  @Option(names = "--pai-cert", required = true, paramLabel = "FILE", description = "The PAI certificate.")
  Path certificate;

  @Option(names = "--pai-key", required = true, paramLabel = "FILE", description = "The PAI private key.")
  Path key;

  @Option(names = "--vid", required = true, paramLabel = "N", converter = NumberConverter.class, description = "Vendor id (e.g. 0xFFF1).")
  long vendorId;

  @Option(names = "--pid", required = true, paramLabel = "N", converter = NumberConverter.class, description = "Product id (e.g. 0x8000).")
  long productId;

  /**
   * The PAI with its key.
   *
   * @throws IllegalArgumentException if the key is not the certificate's, or it is no P-256 CA
   */
  MatterCa pai() throws IOException, PkiParseException {
    PkiReader reader = PkiReader.defaults();
    return MatterCa.of(reader.readCertificate(certificate), reader.readPrivateKey(key));
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
