package io.kgrec.api.start;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class CodeCacheFlushingTest {
    @Test
    void it_reads_the_flag_as_this_jvm_was_started_with_it() {
        boolean turnedOff = ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:-UseCodeCacheFlushing");

        var flag = CodeCacheFlushing.isOn(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));

        assertThat(flag).contains(!turnedOff);
    }

    @Test
    void without_a_hotspot_jvm_it_cannot_tell() {
        assertThat(CodeCacheFlushing.isOn(null)).isEmpty();
    }
}
