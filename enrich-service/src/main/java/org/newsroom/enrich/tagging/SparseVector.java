package org.newsroom.enrich.tagging;

/** A sparse vector with ascending indices; what the linear models and story similarity compute on. */
public record SparseVector(int[] indices, double[] values) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

    public double dot(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < indices.length && j < other.indices.length) {
            if (indices[i] == other.indices[j]) {
                sum += values[i++] * other.values[j++];
            } else if (indices[i] < other.indices[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    public double norm() {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    public SparseVector normalised() {
        double norm = norm();
        if (norm == 0) {
            return this;
        }
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] / norm;
        }
        return new SparseVector(indices, scaled);
    }
}
