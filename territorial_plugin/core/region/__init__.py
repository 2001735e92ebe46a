"""The region's picture: municipal deliveries, their import, and intermunicipal goal conflicts."""
