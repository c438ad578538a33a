package io.dittofs.cli;

/** dfs.jar's entry point, compiled for Java 17 like {@link Main}; hands over to io.dittofs.cli.Dfs. */
public final class DfsMain {

    private DfsMain() {
    }

    public static void main(String[] args) throws Throwable {
        Main.launch("dfs", "io.dittofs.cli.Dfs", args);
    }
}
