// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.util.Locale;
import org.iotpki.core.fleet.ConnectivityProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A connectivity profile with its weight in a fleet, as {@code --profile NAME[:WEIGHT[:LOSS]]}
 * gives it: {@code weekly:10:0.2} is a weight of 10 for weekly devices that lose 20% of their
 * attempts.
 */
record ProfileShare(ConnectivityProfile profile, double weight) {

  /** The profile named {@code always-on}, {@code daily} or {@code weekly}. */
  static ConnectivityProfile named(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "always-on":
        return ConnectivityProfile.alwaysOn();
      case "daily":
        return ConnectivityProfile.dailyWake();
      case "weekly":
        return ConnectivityProfile.weeklyWake();
      default:
        throw new IllegalArgumentException("unknown profile '" + name + "' (always-on, daily or weekly)");
    }
  }

  /** Reads {@code NAME[:WEIGHT[:LOSS]]}; the weight defaults to 1, the loss to 0. */
  static final class Converter implements ITypeConverter<ProfileShare> {
    @Override
    public ProfileShare convert(String value) {
      String[] parts = value.split(":", -1);
      if (parts.length > 3) {
        throw new TypeConversionException("'" + value + "' is not NAME[:WEIGHT[:LOSS]]");
      }
      try {
        ConnectivityProfile profile = named(parts[0]);
        if (parts.length == 3) {
          profile = profile.withAttemptFailureProbability(Double.parseDouble(parts[2]));
        }
        return new ProfileShare(profile, parts.length >= 2 ? Double.parseDouble(parts[1]) : 1);
      } catch (IllegalArgumentException e) { // NumberFormatException included
        throw new TypeConversionException("profile '" + value + "': " + e.getMessage());
      }
    }
  }
}
