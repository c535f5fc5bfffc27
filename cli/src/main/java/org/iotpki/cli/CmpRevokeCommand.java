package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PkiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki cmp revoke --url URL --revoke F [--reason N] (--ref R --secret S | --cert F --cert-key F)}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
    description = {"Revoke a certificate (rr) with a CRL reason code (RFC 5280: 0 unspecified,",
        "1 keyCompromise, 4 superseded, 5 cessationOfOperation).",
        "Exit 0 revoked, 1 refused (reason: the PKIFailureInfo names), 2 usage, input or transport error."})
final class CmpRevokeCommand extends IotpkiCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The CMP server, e.g. http://ca.example/pkix/.")
  URI url;

  @Option(names = "--revoke", required = true, paramLabel = "FILE",
      description = "The certificate to revoke.")
  Path revoke;

  @Option(names = "--reason", paramLabel = "N", defaultValue = "0", converter = NumberConverter.class,
      description = "The CRL reason code (default: ${DEFAULT-VALUE}, unspecified).")
  long reason;

  @Mixin CmpServerOptions server;

  @Override
  int execute() throws IOException, PkiParseException {
    X509Certificate certificate = PkiReader.defaults().readCertificate(revoke);
    if (reason < 0 || reason > 10 || reason == 7) {
      return error("--reason is a CRL reason code: 0 to 10, not 7");
    }
    return callPeer(() -> {
      server.client(url).revoke(certificate, (int) reason);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("status", "revoked");
      json.put("serial", certificate.getSerialNumber().toString(16));
      json.put("reason", reason);
      output.result(out(), json, "revoked serial " + certificate.getSerialNumber().toString(16) + "\n");
      return ExitCode.OK;
    });
  }
}
