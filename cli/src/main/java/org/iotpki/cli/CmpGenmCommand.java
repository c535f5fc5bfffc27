package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotpki.cmp.CmpClient;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.io.PemEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki cmp genm --url URL --type cacerts|rootupdate|certreqtemplate ...}. */
@Command(name = "genm", mixinStandardHelpOptions = true,
    description = {"Ask the CA a general message (RFC 9483 section 4.3): its CA certificates",
        "(cacerts, written to --out as PEM), a root CA key update, or a certificate request template",
        "(values reported as their DER size). Exit 0, 1 refused, 2 usage, input or transport error."})
final class CmpGenmCommand extends IotpkiCommand {
  private static final Map<String, String> TYPES = Map.of(
      "cacerts", CmpClient.CA_CERTS,
      "rootupdate", CmpClient.ROOT_CA_KEY_UPDATE,
      "certreqtemplate", CmpClient.CERT_REQ_TEMPLATE);

  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The CMP server, e.g. http://ca.example/pkix/.")
  URI url;

  @Option(names = "--type", required = true, paramLabel = "TYPE",
      description = "cacerts, rootupdate or certreqtemplate.")
  String type;

  @Option(names = "--out", paramLabel = "FILE", description = "For cacerts: the PEM file to write.")
  Path outFile;

  @Mixin CmpServerOptions server;

  @Override
  int execute() throws IOException, PkiParseException {
    String infoType = TYPES.get(type);
    if (infoType == null) {
      return error("--type is cacerts, rootupdate or certreqtemplate, not " + type);
    }
    return callPeer(() -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("type", type);
      CmpClient client = server.client(url);
      if (type.equals("cacerts")) {
        List<X509Certificate> certificates = client.caCertificates();
        json.put("certificates", certificates.size());
        if (outFile != null) {
          Files.writeString(outFile, PemEncoder.certificates(certificates),
              StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          json.put("out", outFile.toString());
        }
      } else {
        json.put("values", client.generalMessage(infoType).stream().map(v -> v.length).toList());
      }
      output.result(out(), json, type + ": " + json + "\n");
      return ExitCode.OK;
    });
  }
}
