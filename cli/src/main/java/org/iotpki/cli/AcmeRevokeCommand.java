package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki acme revoke --directory URL --cert F --key F [--reason N] [--trust F]}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
    description = {"Revoke a certificate, authorized by its own key (RFC 8555 section 7.6), with a",
        "CRL reason code (RFC 5280: 0 unspecified, 1 keyCompromise, 4 superseded,",
        "5 cessationOfOperation).",
        "Exit 0 revoked, 1 refused (reason: the ACME problem type), 2 usage, input or transport error."})
final class AcmeRevokeCommand extends IotpkiCommand {
  @Mixin AcmeServerOptions server;

  @Option(names = "--cert", required = true, paramLabel = "FILE",
      description = "The certificate to revoke.")
  Path cert;

  @Option(names = "--key", required = true, paramLabel = "FILE",
      description = "The certificate's private key.")
  Path key;

  @Option(names = "--reason", paramLabel = "N", defaultValue = "0", converter = NumberConverter.class,
      description = "The CRL reason code (default: ${DEFAULT-VALUE}, unspecified).")
  long reason;

  @Override
  int execute() throws IOException, PkiParseException {
    PkiReader reader = PkiReader.defaults();
    X509Certificate certificate = reader.readCertificate(cert);
    var keyPair = KeyPairs.fromPrivateKey(reader.readPrivateKey(key));
    if (reason < 0 || reason > 10 || reason == 7) {
      return error("--reason is a CRL reason code: 0 to 10, not 7");
    }
    return callPeer(() -> {
      server.accountless().build().revokeWithCertificateKey(certificate, keyPair, (int) reason);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("status", "revoked");
      json.put("serial", certificate.getSerialNumber().toString(16));
      json.put("reason", reason);
      output.result(out(), json, "revoked serial " + certificate.getSerialNumber().toString(16) + "\n");
      return ExitCode.OK;
    });
  }
}
