// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import org.iotpki.pqc.DeviceProfile;
import org.iotpki.pqc.SizeBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iotpki pqc size FILE... [--flash BYTES] [--ram BYTES]}. */
@Command(
    name = "size",
    mixinStandardHelpOptions = true,
    description = {
      "Size budget of a certificate chain on a constrained device.",
      "The certificates of all FILEs form one chain, leaf first. Reports DER and C509 bytes, key",
      "and signature bytes, and the heap verifying the chain allocates, against the device's flash",
      "and RAM (default 2 MB flash / 512 KB RAM)."
    })
final class PqcSizeCommand extends IotpkiCommand {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Certificate files, PEM or DER, leaf first.")
  List<Path> files;

  @Option(names = "--flash", paramLabel = "BYTES", converter = NumberConverter.class, description = "Flash size in bytes (decimal or 0x-hex).")
  Long flash;

  @Option(names = "--ram", paramLabel = "BYTES", converter = NumberConverter.class, description = "RAM size in bytes (decimal or 0x-hex).")
  Long ram;

  @Override
  int execute() throws IOException, PkiParseException {
    List<X509Certificate> chain = new ArrayList<>();
    for (Path file : files) {
      chain.addAll(PkiReader.defaults().readCertificates(file));
    }
    DeviceProfile profile = DeviceProfile.constrained();
    if (flash != null || ram != null) {
      if ((flash != null && flash <= 0) || (ram != null && ram <= 0)) {
        return error("--flash and --ram must be positive");
      }
      profile = new DeviceProfile(
          "custom",
          flash != null ? flash : profile.flashBytes(),
          ram != null ? ram : profile.ramBytes());
    }
    SizeBudget budget = SizeBudget.of(chain, profile);

    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("profile", Map.of("name", profile.name(), "flashBytes", profile.flashBytes(), "ramBytes", profile.ramBytes()));
    fields.put("certificates", budget.certificates().stream().map(PqcSizeCommand::json).collect(Collectors.toList()));
    fields.put("chainDerBytes", budget.chainDerBytes());
    fields.put("chainC509Bytes", budget.chainC509Bytes());
    fields.put("flashShare", Math.round(budget.flashShare() * 10000) / 10000.0);
    fields.put("fitsFlash", budget.fitsFlash());
    fields.put("verificationAllocatedBytes",
        budget.verificationAllocatedBytes().isPresent() ? (Object) budget.verificationAllocatedBytes().getAsLong() : null);
    fields.put("verificationFitsRam", budget.verificationFitsRam().orElse(null));
    output.result(out(), fields, text(budget));
    return ExitCode.OK;
  }

  private static Map<String, Object> json(SizeBudget.CertificateCost cost) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("subject", cost.subject());
    item.put("signatureAlgorithm", cost.signatureAlgorithm());
    item.put("publicKeyAlgorithm", cost.publicKeyAlgorithm());
    item.put("derBytes", cost.derBytes());
    item.put("c509Bytes", cost.c509Bytes().isPresent() ? (Object) cost.c509Bytes().getAsInt() : null);
    item.put("publicKeyBytes", cost.publicKeyBytes());
    item.put("signatureBytes", cost.signatureBytes());
    return item;
  }

  private static String text(SizeBudget budget) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(java.util.Locale.ROOT, "Profile: %s%n", budget.profile().name()));
    for (SizeBudget.CertificateCost cost : budget.certificates()) {
      text.append(String.format(java.util.Locale.ROOT, "%6d B DER, %s C509, key %5d B, signature %5d B  %s (%s key, signed %s)%n",
          cost.derBytes(), cost.c509Bytes().isPresent() ? String.format(java.util.Locale.ROOT, "%6d B", cost.c509Bytes().getAsInt()) : "     -  ",
          cost.publicKeyBytes(), cost.signatureBytes(), cost.subject(), cost.publicKeyAlgorithm(), cost.signatureAlgorithm()));
    }
    text.append(String.format(java.util.Locale.ROOT, "Chain: %d B DER (%.2f%% of flash), %d B C509%n",
        budget.chainDerBytes(), budget.flashShare() * 100, budget.chainC509Bytes()));
    budget.verificationAllocatedBytes().ifPresent(bytes -> text.append(String.format(java.util.Locale.ROOT,
        "Verification allocates %d B of heap (%s the RAM)%n", bytes, bytes <= budget.profile().ramBytes() ? "within" : "MORE than")));
    return text.toString();
  }
}
