DROP TABLE staged
