package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.smb.wire.NtStatus;
import org.junit.jupiter.api.Test;

/** CREATE names with streams (MS-FSCC 2.1.5): what is a stream, what is the file, what is invalid. */
class StreamNameTest {

    @Test
    void aPlainNameIsTheFile() {
        StreamName n = StreamName.parse("dir\\file.txt");
        assertThat(n.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(n.path()).isEqualTo("dir\\file.txt");
        assertThat(n.named()).isFalse();
        assertThat(n.explicitData()).isFalse();
    }

    @Test
    void namedStreamsWithAndWithoutTheirType() {
        StreamName a = StreamName.parse("dir\\file.txt:Stream One");
        assertThat(a.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(a.path()).isEqualTo("dir\\file.txt");
        assertThat(a.stream()).isEqualTo("Stream One");
        StreamName b = StreamName.parse("file.txt:Second Stream:$DaTa");
        assertThat(b.stream()).isEqualTo("Second Stream");
        assertThat(b.path()).isEqualTo("file.txt");
    }

    @Test
    void theUnnamedDataStreamIsTheFileItself() {
        StreamName n = StreamName.parse("dir::$DATA");
        assertThat(n.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(n.path()).isEqualTo("dir");
        assertThat(n.named()).isFalse();
        assertThat(n.explicitData()).isTrue();
    }

    @Test
    void controlCharactersAndWildcardsAreValidInStreamNames() {
        assertThat(StreamName.parse("f:\u0005Stream\n One").stream()).isEqualTo("\u0005Stream\n One");
        assertThat(StreamName.parse("f:?Stream*:$DATA").stream()).isEqualTo("?Stream*");
        assertThat(StreamName.parse("f:Stream\"0x22:$DATA").status()).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void invalidTypesEmptyNamesSlashesAndColonsInDirectoriesAreRefused() {
        for (String bad : new String[] {"f:s:", "f:s:$FOO", "f:s:?D*a", "f:", "f::", "f:a/b", "f:a:b:$DATA",
            "dir:s\\file", "f::$INDEX_ALLOCATION"}) {
            assertThat(StreamName.parse(bad).status()).as(bad).isEqualTo(NtStatus.OBJECT_NAME_INVALID);
        }
    }

    @Test
    void aStreamNameMustFitTheXattrNameLimit() {
        // user.DosStream. + name + :$DATA within the metadata service's 255 bytes
        String fits = "s".repeat(255 - Streams.PREFIX.length() - Streams.SUFFIX.length());
        assertThat(StreamName.parse("f:" + fits).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(StreamName.parse("f:" + fits + "s").status()).isEqualTo(NtStatus.OBJECT_NAME_INVALID);
        assertThat(StreamName.parse("f:" + "\u00e9".repeat(120)).status()).as("UTF-8 bytes count, not chars")
                .isEqualTo(NtStatus.OBJECT_NAME_INVALID);
    }

    @Test
    void xattrNamesAreSambaStreamsXattrNames() {
        assertThat(Streams.xattrName("Stream One")).isEqualTo("user.DosStream.Stream One:$DATA");
        assertThat(Streams.streamOf("user.DosStream.Stream One:$DATA")).isEqualTo("Stream One");
        assertThat(Streams.streamOf("user.other")).isNull();
        assertThat(Streams.streamOf("user.DosStream.:$DATA")).isNull();
    }
}
