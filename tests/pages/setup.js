// Each test picks its target; h5 is the default.
process.env.TARO_ENV = 'h5';
