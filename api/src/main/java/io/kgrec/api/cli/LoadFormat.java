package io.kgrec.api.cli;

import io.kgrec.loader.source.Source;
import io.kgrec.loader.source.canonical.CanonicalSource;
import io.kgrec.loader.source.completejourney.CompleteJourneySource;
import io.kgrec.loader.source.kgcn.KgcnSource;
import io.kgrec.loader.source.mapping.MappedSource;
import io.kgrec.loader.source.movielens.MovieLensSource;
import io.kgrec.loader.stage.RatingScale;
import io.kgrec.model.schema.InteractionType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The dataset formats {@code kgrec load} reads, and how each turns the command's options into a source. */
enum LoadFormat {
    canonical {
        @Override
        Source source(LoadCommand c) {
            InteractionType type = c.interactionType == null ? InteractionType.INTERACTED : c.interactionType;
            return new CanonicalSource(c.folder, c.folder.resolve(c.interactions == null
                    ? Path.of("interactions.tsv") : c.interactions), type, scale(c, RatingScale.HALF_STARS));
        }
    },
    completejourney {
        @Override
        Source source(LoadCommand c) {
            return new CompleteJourneySource(c.folder);
        }
    },
    movielens {
        @Override
        Source source(LoadCommand c) {
            Charset charset = c.encoding == null ? StandardCharsets.ISO_8859_1 : c.encoding;
            return new MovieLensSource(c.folder, charset, scale(c, RatingScale.WHOLE_STARS));
        }
    },
    kgcn {
        @Override
        Source source(LoadCommand c) {
            return new KgcnSource(c.folder, c.interactions == null ? "user_artists.dat" : c.interactions.toString(),
                    c.interactionType == null ? InteractionType.LISTENED : c.interactionType);
        }
    },
    mapping {
        @Override
        Source source(LoadCommand c) {
            if (c.mapping == null) {
                throw new IllegalArgumentException("--format mapping needs --mapping <file.json>");
            }
            return new MappedSource(c.folder, c.mapping);
        }
    };

    /**
     * @throws IllegalArgumentException if a needed option is missing
     * @throws io.kgrec.loader.LoadException if a mapping file is missing or invalid
     */
    abstract Source source(LoadCommand command);

    private static RatingScale scale(LoadCommand c, RatingScale fallback) {
        return c.ratingScale == null ? fallback : RatingScale.parse(c.ratingScale);
    }
}
