package io.dittofs.cli.ctl;

import io.dittofs.cli.DfsCtl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every dfsctl command: reaches the global options through the root command. */
abstract class CtlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    DfsCtl ctl() {
        return (DfsCtl) spec.root().userObject();
    }
}
