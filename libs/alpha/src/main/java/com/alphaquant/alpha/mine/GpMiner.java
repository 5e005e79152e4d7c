package com.alphaquant.alpha.mine;

import com.alphaquant.alpha.evaluation.Screen;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.Vocabulary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Genetic programming over formulas ("gp"): a population drawn by {@link com.alphaquant.alpha.expr.FormulaGenerator}
 * at lengths ramped from 3 tokens to the task's limit, then generations bred by tournament
 * selection, subtree crossover and subtree, point and hoist mutation ({@link Breeder}: every
 * child is a valid formula within the length), with the fittest carried over (elitism) and a
 * few fresh formulas let in each generation (immigrants, against a converged population).
 *
 * <p>Every new formula is offered to the {@link PoolCurator}, which is what the search is for;
 * its fitness is |training IC|, less for a formula too close to a built-in or a pool member
 * (the nearer a copy, the less), plus the pool IC it added, minus a parsimony cost per token.
 * Formulas are told apart by canonical form: one seen before is neither evaluated again nor
 * counted against the budget, and a child that repeats one is drawn again. The run ends when
 * the budget is spent, or when whole generations bring nothing new (a tiny search space).
 *
 * <p>Candidates are evaluated one after another, on the curator's evaluator: its cache of
 * shared subtrees is what makes a population cheap to evaluate (parents and children share
 * most nodes), and the pool must see offers in a fixed order for a seed to fix the result.
 */
public final class GpMiner implements Miner {

    /** Draws per child before the generation counts it as a miss. */
    private static final int CHILD_TRIES = 8;

    private final GpSettings settings;
    private final Vocabulary vocabulary;

    public GpMiner() {
        this(GpSettings.defaults());
    }

    public GpMiner(GpSettings settings) {
        this(settings, Vocabulary.standard());
    }

    public GpMiner(GpSettings settings, Vocabulary vocabulary) {
        this.settings = settings;
        this.vocabulary = vocabulary;
    }

    @Override
    public String method() {
        return "gp";
    }

    private record Individual(Expr formula, double fitness) {
    }

    private static final Comparator<Individual> FITTEST_FIRST = Comparator.comparingDouble(Individual::fitness).reversed()
            .thenComparing(i -> i.formula().key());

    @Override
    public MiningResult mine(MiningTask task, MiningProgress progress) {
        long started = System.nanoTime();
        Run run = new Run(task, progress);
        List<Individual> population = run.initial();
        while (!run.spent() && !population.isEmpty()) {
            List<Individual> next = run.generation(population);
            if (next == null) {
                break; // nothing new left to breed
            }
            population = next;
        }
        return run.curator.result(method(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** One mining run's state. */
    private final class Run {

        final MiningTask task;
        final MiningProgress progress;
        final PoolCurator curator;
        final Random random;
        final Breeder breeder;
        final Map<String, Individual> seen = new HashMap<>();

        Run(MiningTask task, MiningProgress progress) {
            this.task = task;
            this.progress = progress;
            this.curator = new PoolCurator(task);
            this.random = new Random(task.seed());
            this.breeder = new Breeder(vocabulary, task.maxTokens(), random);
        }

        boolean spent() {
            return curator.evaluated() >= task.budget();
        }

        /** Generated formulas, lengths ramped from 3 to the limit, each new. */
        List<Individual> initial() {
            List<Individual> population = new ArrayList<>();
            int levels = task.maxTokens() - 2;
            int misses = 0;
            for (int i = 0; population.size() < settings.populationSize() && !spent()
                    && misses < CHILD_TRIES * settings.populationSize(); i++) {
                Expr formula = breeder.generate(3 + i % levels);
                if (seen.containsKey(formula.key())) {
                    misses++;
                } else {
                    population.add(evaluate(formula));
                }
            }
            return population;
        }

        /** The next generation; null when a whole generation's draws found nothing new. */
        List<Individual> generation(List<Individual> population) {
            List<Individual> sorted = new ArrayList<>(population);
            sorted.sort(FITTEST_FIRST);
            List<Individual> next = new ArrayList<>(sorted.subList(0, Math.min(settings.elites(), sorted.size())));
            int fresh = 0;
            int misses = 0;
            while (next.size() < settings.populationSize() && !spent() && misses < settings.populationSize()) {
                Expr child = newChild(sorted);
                if (child == null) {
                    misses++;
                } else {
                    next.add(evaluate(child));
                    fresh++;
                }
            }
            return fresh == 0 ? null : next;
        }

        /** A child not seen before, or null after {@link #CHILD_TRIES} draws. */
        private Expr newChild(List<Individual> population) {
            for (int t = 0; t < CHILD_TRIES; t++) {
                Expr child = breed(population);
                if (child != null && !seen.containsKey(child.key())) {
                    return child;
                }
            }
            return null;
        }

        private Expr breed(List<Individual> population) {
            if (random.nextDouble() < settings.immigrantRate()) {
                return breeder.generate(3 + random.nextInt(task.maxTokens() - 2));
            }
            Expr parent = select(population);
            double r = random.nextDouble();
            if (r < settings.crossoverRate()) {
                return breeder.crossover(parent, select(population));
            }
            r -= settings.crossoverRate();
            if (r < settings.subtreeRate()) {
                return breeder.subtreeMutation(parent);
            }
            r -= settings.subtreeRate();
            return r < settings.pointRate() ? breeder.pointMutation(parent) : breeder.hoist(parent);
        }

        private Expr select(List<Individual> population) {
            Individual best = null;
            for (int t = 0; t < settings.tournamentSize(); t++) {
                Individual drawn = population.get(random.nextInt(population.size()));
                if (best == null || FITTEST_FIRST.compare(drawn, best) < 0) {
                    best = drawn;
                }
            }
            return best.formula();
        }

        private Individual evaluate(Expr formula) {
            PoolCurator.Offer offer = curator.offer(formula);
            Individual individual = new Individual(formula, fitness(offer, curator.lastScreen(), formula.size()));
            seen.put(formula.key(), individual);
            progress.update(curator.status());
            return individual;
        }

        private double fitness(PoolCurator.Offer offer, Screen screen, int tokens) {
            if (screen == null || Double.isNaN(screen.ic()) || !(screen.coverage() >= PoolCurator.MIN_COVERAGE)) {
                return Double.NEGATIVE_INFINITY;
            }
            double base = Math.abs(screen.ic());
            double limit = task.maxCorrelation();
            double closest = Math.max(screen.maxBuiltinCorrelation(), screen.maxPoolCorrelation());
            if (closest > limit) {
                // Refused as a near-copy: still a parent worth something, the less the nearer
                base *= 0.5 * (1 - (closest - limit) / (1 - limit));
            }
            return base + settings.gainWeight() * offer.gain() - settings.parsimony() * tokens;
        }
    }
}
