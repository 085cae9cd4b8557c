package io.segmenta.core.segment;

/**
 * The elbow-sweep numbers for one k (one point of the chart).
 *
 * @param inertia          within-cluster sum of squares of the best restart (matrix units)
 * @param silhouette       mean silhouette, NaN when undefined
 * @param silhouetteRows   rows the silhouette was computed on (all rows, or the stated sample size)
 * @param calinskiHarabasz Calinski–Harabasz index (higher is better)
 * @param daviesBouldin    Davies–Bouldin index (lower is better)
 * @param seconds          wall time of the fit and the metrics for this k
 * @param iterations       Lloyd iterations of the best restart
 * @param converged        whether the best restart converged before the iteration limit
 */
public record KResult(int k, double inertia, double silhouette, int silhouetteRows, double calinskiHarabasz,
                      double daviesBouldin, double seconds, int iterations, boolean converged) { }
