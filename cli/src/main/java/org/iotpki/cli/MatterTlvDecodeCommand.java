// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.tlv.TlvFormatException;
import org.iotpki.matter.tlv.TlvReader;
import org.iotpki.matter.tlv.TlvText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code iotpki matter tlv decode FILE [--json]}. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Pretty-print any Matter TLV: every element with its tag, type and value.",
      "Malformed TLV is an input error (exit 2) naming the problem and its offset."
    })
final class MatterTlvDecodeCommand extends IotpkiCommand {
  private static final long MAX_FILE_BYTES = 1024 * 1024;

  @Parameters(paramLabel = "FILE", description = "The TLV bytes.")
  Path file;

  @Override
  int execute() throws IOException, PkiParseException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new PkiParseException("file larger than " + MAX_FILE_BYTES + " bytes");
    }
    byte[] tlv = Files.readAllBytes(file);
    String text = TlvText.format(tlv);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("length", tlv.length);
    fields.put("elements", elements(TlvReader.of(tlv)));
    output.result(out(), fields, text);
    return ExitCode.OK;
  }

  private static List<Object> elements(TlvReader reader) throws TlvFormatException {
    List<Object> elements = new ArrayList<>();
    while (reader.next()) {
      Map<String, Object> element = new LinkedHashMap<>();
      element.put("tag", reader.tag().toString());
      element.put("type", reader.type().name().toLowerCase(Locale.ROOT));
      switch (reader.type()) {
        case SIGNED_INTEGER -> element.put("value", reader.getSigned());
        case UNSIGNED_INTEGER -> element.put("value", Long.toUnsignedString(reader.getUnsigned()));
        case BOOLEAN -> element.put("value", reader.getBoolean());
        case FLOAT -> element.put("value", Double.toString(reader.getDouble()));
        case UTF8_STRING -> element.put("value", reader.getString());
        case BYTE_STRING -> element.put("value", HexFormat.of().formatHex(reader.getBytes()));
        case NULL -> element.put("value", null);
        default -> {
          reader.enterContainer();
          element.put("elements", elements(reader));
          reader.exitContainer();
        }
      }
      elements.add(element);
    }
    return elements;
  }
}
