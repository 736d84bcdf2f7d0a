package io.kgrec.cypher.risk.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic push (shilling) attack profiles in the classic models (Lam and Riedl 2004; Mobasher et al. 2007): each
 * profile gives the target item the top value and adds filler items.
 * <ul>
 * <li>random: fillers drawn uniformly from the catalogue, rated around the global mean (global spread);</li>
 * <li>average: fillers drawn uniformly, each rated around its own item mean (item spread) — ratings only;</li>
 * <li>bandwagon: the 10 most popular items rated top, the other fillers as in random;</li>
 * <li>popular: fillers drawn in proportion to their popularity, rated as in average: profiles that look like real
 *     customers' choices, the hardest case for a detector that reads item popularity.</li>
 * </ul>
 * Timing: {@code burst} sessions all start within one day after the data ends; {@code sessions} start anywhere in the
 * data's last 90 days; both put one profile's interactions 7 s apart. {@code stealthy} spreads each profile's
 * interactions over the last 90 days.
 *
 * @param size   share of the real customers added as attack profiles
 * @param filler filler items per profile: a share of the catalogue, or a count when ≥ 1
 */
public record PushAttack(String model, double size, double filler, String timing) {
    public static final String PREFIX = "attack-";

    public String label() {
        String fill = filler >= 1 ? String.format(Locale.ROOT, "%.0f items", filler)
                : String.format(Locale.ROOT, "%.0f%%", 100 * filler);
        return String.format(Locale.ROOT, "%s %.0f%%, filler %s, %s", model, 100 * size, fill, timing);
    }

    public List<Interaction> profiles(List<Interaction> real, String target, boolean ratings, long seed) {
        Random rng = new Random(seed);
        Stats s = Stats.of(real);
        long customers = real.stream().map(Interaction::customer).distinct().count();
        int profiles = (int) Math.max(1, Math.round(size * customers));
        int fillers = (int) Math.max(1, filler >= 1 ? filler : Math.round(filler * s.items.size()));
        List<Interaction> out = new ArrayList<>();
        for (int a = 0; a < profiles; a++) {
            String id = PREFIX + a;
            List<String> chosen = fillers(rng, s, target, fillers);
            long start = switch (timing) {
                case "burst" -> s.maxTime + rng.nextInt(86_400);
                default -> s.maxTime - rng.nextInt(90 * 86_400);
            };
            for (int k = 0; k < chosen.size(); k++) {
                String item = chosen.get(k);
                double value = ratings ? rating(rng, s, item) : 1.0;
                out.add(new Interaction(id, item, value, time(rng, s, start, k)));
            }
            out.add(new Interaction(id, target, ratings ? s.topRating : 1.0, time(rng, s, start, chosen.size())));
        }
        return out;
    }

    private long time(Random rng, Stats s, long start, int k) {
        return timing.equals("stealthy") ? s.maxTime - rng.nextInt(90 * 86_400) : start + 7L * k;
    }

    private List<String> fillers(Random rng, Stats s, String target, int n) {
        List<String> chosen = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>(List.of(target));
        if (model.equals("bandwagon")) {
            for (String popular : s.byPopularity.subList(0, Math.min(10, s.byPopularity.size()))) {
                if (seen.add(popular) && chosen.size() < n) {
                    chosen.add(popular);
                }
            }
        }
        while (chosen.size() < n && seen.size() < s.items.size()) {
            String item = model.equals("popular") ? s.popularityDraw(rng) : s.items.get(rng.nextInt(s.items.size()));
            if (seen.add(item)) {
                chosen.add(item);
            }
        }
        return chosen;
    }

    private double rating(Random rng, Stats s, String item) {
        double r = switch (model) {
            case "average", "popular" -> s.itemMean.get(item) + rng.nextGaussian() * s.itemSd.get(item);
            case "bandwagon" -> s.byPopularity.indexOf(item) >= 0 && s.byPopularity.indexOf(item) < 10 ? s.topRating
                    : s.mean + rng.nextGaussian() * s.sd;
            default -> s.mean + rng.nextGaussian() * s.sd;
        };
        return Math.max(s.bottomRating, Math.min(s.topRating, Math.rint(r)));
    }

    /** What the generators need to know about the real data. */
    private record Stats(List<String> items, List<String> byPopularity, long[] cumulative, Map<String, Double> itemMean,
            Map<String, Double> itemSd, double mean, double sd, double topRating, double bottomRating, long maxTime) {
        static Stats of(List<Interaction> real) {
            Map<String, List<Double>> values = new HashMap<>();
            double sum = 0;
            double sumSquares = 0;
            double top = Double.NEGATIVE_INFINITY;
            double bottom = Double.POSITIVE_INFINITY;
            long maxTime = 0;
            for (Interaction i : real) {
                values.computeIfAbsent(i.item(), k -> new ArrayList<>()).add(i.value());
                sum += i.value();
                sumSquares += i.value() * i.value();
                top = Math.max(top, i.value());
                bottom = Math.min(bottom, i.value());
                maxTime = Math.max(maxTime, i.time());
            }
            double mean = sum / real.size();
            double sd = Math.sqrt(Math.max(0, sumSquares / real.size() - mean * mean));
            List<String> items = values.keySet().stream().sorted().toList();
            List<String> byPopularity = items.stream()
                    .sorted(Comparator.comparing((String i) -> -values.get(i).size()).thenComparing(i -> i)).toList();
            long[] cumulative = new long[items.size()];
            Map<String, Double> itemMean = new HashMap<>();
            Map<String, Double> itemSd = new HashMap<>();
            long running = 0;
            for (int k = 0; k < items.size(); k++) {
                List<Double> v = values.get(items.get(k));
                running += v.size();
                cumulative[k] = running;
                double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(mean);
                double var = v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / v.size();
                itemMean.put(items.get(k), m);
                itemSd.put(items.get(k), v.size() > 1 ? Math.sqrt(var) : sd);
            }
            return new Stats(items, byPopularity, cumulative, itemMean, itemSd, mean, sd, top, bottom, maxTime);
        }

        String popularityDraw(Random rng) {
            long x = (long) (rng.nextDouble() * cumulative[cumulative.length - 1]);
            int at = java.util.Arrays.binarySearch(cumulative, x + 1);
            return items.get(at >= 0 ? at : -at - 1);
        }
    }
}
