package io.dittofs.gateway;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.service.fuzz.FuzzTargets;

/**
 * Every {@code @FuzzTest} of this module behind one target, for the bounded fuzzing run of
 * {@code verify} (see {@link FuzzTargets}). A finding is written to this class's Inputs directory
 * and replayed by {@code mvn test} like any other.
 */
class AllFuzzTargetsFuzzTest {

    private static final FuzzTargets TARGETS = FuzzTargets.beside(AllFuzzTargetsFuzzTest.class);

    @FuzzTest(maxDuration = "30s")
    void anyTarget(FuzzedDataProvider data) throws Throwable {
        TARGETS.run(data);
    }
}
