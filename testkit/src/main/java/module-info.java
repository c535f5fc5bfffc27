/** iotpki testkit: an in-process test CA for tests of iotpki and of its users. */
module org.iotpki.testkit {
  requires transitive org.iotpki.core;

  exports org.iotpki.testkit;
}
