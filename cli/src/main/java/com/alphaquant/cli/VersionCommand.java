package com.alphaquant.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "version", description = "Print the version of AlphaQuant and of the Java runtime.")
final class VersionCommand implements Runnable {

    static String version() {
        String v = AlphaQuant.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public void run() {
        for (String line : new Provider().getVersion()) {
            System.out.println(line);
        }
    }

    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"alphaquant " + version(),
                    "java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
