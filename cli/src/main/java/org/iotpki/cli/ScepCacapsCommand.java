// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotpki.scep.ScepCapabilities;
import org.iotpki.core.PkiParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iotpki scep cacaps --url URL}. */
@Command(name = "cacaps", mixinStandardHelpOptions = true,
    description = {"The SCEP server's capabilities (GetCACaps).",
        "Exit 0, 1 refused (reason: HTTP status), 2 usage or transport error."})
final class ScepCacapsCommand extends IotpkiCommand {
  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The SCEP server, e.g. http://ca.example/scep.")
  URI url;

  @Mixin ScepServerOptions server;

  @Override
  int execute() throws IOException, PkiParseException {
    return callPeer(() -> {
      ScepCapabilities capabilities = server.client(url).capabilities();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("capabilities", capabilities.keywords().stream().sorted().toList());
      json.put("post", capabilities.post());
      json.put("aes", capabilities.aes());
      json.put("renewal", capabilities.renewal());
      json.put("sha256", capabilities.sha256());
      output.result(out(), json, String.join("\n", capabilities.keywords()) + "\n");
      return ExitCode.OK;
    });
  }
}
