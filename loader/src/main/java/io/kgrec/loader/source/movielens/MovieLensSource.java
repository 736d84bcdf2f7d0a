package io.kgrec.loader.source.movielens;

import io.kgrec.loader.read.Fix;
import io.kgrec.loader.read.Row;
import io.kgrec.loader.read.TabularFile;
import io.kgrec.loader.source.CustomerAttributes;
import io.kgrec.loader.source.DatasetFolder;
import io.kgrec.loader.source.LoadContext;
import io.kgrec.loader.source.RowHandler;
import io.kgrec.loader.source.Source;
import io.kgrec.loader.source.Triples;
import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.RatingScale;
import io.kgrec.loader.stage.RejectReason;
import io.kgrec.loader.stage.RowRejected;
import io.kgrec.model.schema.InteractionType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The native files of MovieLens 100K: {@code u.item} (movies: {@code |}-separated, no header, ISO-8859-1, 19 genre
 * flags), {@code u.genre} (the flags' names; optional), {@code u.user} (age, gender, occupation, zip code; optional)
 * and {@code u.data} (tab-separated ratings with epoch-second times). Movies become items named by their title with
 * {@code HAS_GENRE} facts to {@code genre:} entities (the "unknown" genre is no genre); ratings become {@code RATED}
 * relationships, and a rating off the 1–5 star scale is impossible.
 */
public final class MovieLensSource implements Source {
    /** The genres of u.genre, in flag order, for a folder without that file. */
    private static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");
    private static final List<String> ITEM_COLUMNS = List.of("item_id", "title", "release_date",
            "video_release_date", "imdb_url");

    private final Path folder;
    private final Charset charset;
    private final RatingScale scale;

    public MovieLensSource(Path folder) {
        this(folder, StandardCharsets.ISO_8859_1, RatingScale.WHOLE_STARS);
    }

    /**
     * @param charset the encoding of the text files (the GroupLens files are ISO-8859-1)
     */
    public MovieLensSource(Path folder, Charset charset, RatingScale scale) {
        this.folder = folder;
        this.charset = charset;
        this.scale = scale;
    }

    @Override
    public String describe() {
        return "MovieLens files in " + folder + " (" + charset + ")";
    }

    @Override
    public void read(GraphData data, LoadContext outer) {
        DatasetFolder files = DatasetFolder.of(folder);
        LoadContext context = outer.inFolder(folder);
        Path items = files.required("u.item");
        Path ratings = files.required("u.data");
        List<String> genres = files.optional("u.genre").map(file -> readGenres(file, context)).orElse(GENRES);
        List<String> itemColumns = new ArrayList<>(ITEM_COLUMNS);
        genres.forEach(g -> itemColumns.add("genre:" + g));
        RowHandler.readAll(pipes(items).withColumns(itemColumns), List.of("item_id", "title"), context,
                row -> movie(data, context.fields(), row, genres));
        files.optional("u.user").ifPresent(file -> CustomerAttributes.read(pipes(file).withColumns(
                List.of("user_id", "age", "gender", "occupation", "zip_code")), "user_id", data, context));
        String sourceKey = context.sourceKey(ratings);
        RowHandler.readAll(TabularFile.of(ratings).withCharset(charset)
                        .withColumns(List.of("user_id", "item_id", "rating", "timestamp")),
                List.of("user_id", "item_id", "rating", "timestamp"), context,
                row -> rating(data, context.fields(), row, sourceKey));
    }

    private TabularFile pipes(Path file) {
        return TabularFile.of(file).withSeparator('|', false).withCharset(charset);
    }

    private List<String> readGenres(Path file, LoadContext context) {
        List<String> names = new ArrayList<>();
        RowHandler.readAll(pipes(file).withColumns(List.of("name", "index")), List.of("name", "index"), context,
                row -> {
                    names.add(Fields.required(row, "name"));
                    return true;
                });
        return names;
    }

    private boolean movie(GraphData data, Fields fields, Row row, List<String> genres) throws RowRejected {
        String id = Fields.itemId(row, "item_id");
        Map<String, Object> props = new LinkedHashMap<>();
        if (!row.isBlank("release_date")) {
            try {
                props.put("released", fields.date(row, "release_date").toString());
            } catch (RowRejected unreadable) {
                // an unreadable release date must not cost the movie, and with it every rating of it
                row.fix(Fix.VALUE_DROPPED);
            }
        }
        if (!row.isBlank("imdb_url")) {
            props.put("imdb_url", row.get("imdb_url"));
        }
        List<String> flagged = new ArrayList<>();
        for (String genre : genres) {
            String flag = row.get("genre:" + genre);
            if (!flag.equals("0") && !flag.equals("1")) {
                throw new RowRejected(RejectReason.BAD_FLAG, "genre " + genre + " flag is '" + flag + "'");
            }
            if (flag.equals("1") && !genre.equals("unknown")) {
                flagged.add(genre);
            }
        }
        String title = Fields.name(row, "title");
        if (title.equals("unknown")) {
            // MovieLens' placeholder movie: its title is a missing value, not a name
            row.fix(Fix.NAME_MISSING);
            title = "";
        }
        boolean isNew = data.putItem(id, title, props);
        for (String genre : flagged) {
            Triples.add(data, id, "has_genre", "genre:" + genre);
        }
        return isNew;
    }

    private boolean rating(GraphData data, Fields fields, Row row, String sourceKey) throws RowRejected {
        String customer = Fields.customerId(row, "user_id");
        String item = Fields.itemId(row, "item_id");
        double stars = Fields.rating(row, "rating", scale);
        Long timestamp = fields.timestamp(row, "timestamp");
        if (!data.hasItem(item)) {
            throw new RowRejected(RejectReason.UNKNOWN_ITEM, "item_id '" + item + "' is not in u.item");
        }
        data.putCustomer(customer, Map.of());
        return data.addInteraction(sourceKey, customer, item, InteractionType.RATED, stars, null, timestamp);
    }
}
