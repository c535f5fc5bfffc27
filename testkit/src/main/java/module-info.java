/** iotpki testkit: an in-process test CA and an EST test server, for tests of iotpki and of its users. */
module org.iotpki.testkit {
  requires transitive org.iotpki.core;
  requires jdk.httpserver;
  requires org.slf4j;

  exports org.iotpki.testkit;
}
